import type { Command } from 'commander';

/** What completion needs of the commander tree: names, descriptions, options, subcommands. */
export interface CommandTree {
  readonly name: string;
  readonly description: string;
  readonly options: readonly string[];
  readonly subcommands: readonly CommandTree[];
}

/** The tree below `command`, options as their flags (`--output`, `-o`), `--help` on each. */
export function commandTree(command: Command): CommandTree {
  const flags = command.options.flatMap((o) => [o.long, o.short].filter((f): f is string => typeof f === 'string'));
  return {
    name: command.name(),
    description: command.description(),
    options: [...new Set([...flags, '--help'])],
    subcommands: command.commands.map(commandTree),
  };
}

/** Every command path (`''`, `' bundle'`, `' bundle draft'`) with its node, depth first. */
export function commandPaths(tree: CommandTree, prefix = ''): [string, CommandTree][] {
  return [[prefix, tree], ...tree.subcommands.flatMap((sub) => commandPaths(sub, `${prefix} ${sub.name}`))];
}
