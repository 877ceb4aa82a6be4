import type { Command } from 'commander';
import { COMMAND_EXAMPLES } from './command-examples.data';

const pathOf = (command: Command): string => {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
};

/** Adds each command's examples (COMMAND_EXAMPLES, by command path) after its --help. */
export function addExamples(program: Command): void {
  const visit = (command: Command): void => {
    const examples = COMMAND_EXAMPLES[pathOf(command)];
    if (examples) command.addHelpText('after', `\nExample${examples.length > 1 ? 's' : ''}:\n${examples.map((e) => `  ${e}`).join('\n')}\n`);
    command.commands.forEach(visit);
  };
  program.commands.forEach(visit);
}

/** Leaf commands with no text after their help (neither examples here nor their own): a test keeps this empty. */
export function commandsWithoutExamples(program: Command): string[] {
  const missing: string[] = [];
  const visit = (command: Command): void => {
    if (command.commands.length === 0 && !/Examples?:/.test(helpText(command))) missing.push(pathOf(command));
    command.commands.forEach(visit);
  };
  program.commands.forEach(visit);
  return missing;
}

/** A command's whole --help as printed, the text added after it included. */
export function helpText(command: Command): string {
  let text = '';
  command.configureOutput({ writeOut: (s) => void (text += s) });
  command.outputHelp();
  return text;
}
