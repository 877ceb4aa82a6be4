import { Command } from 'commander';
import { commandTree } from './command-tree';
import { bashCompletion, zshCompletion } from './completion-scripts';
import { addExamples, commandsWithoutExamples } from './command-examples';
import { commandGroups } from '..';

const program = (): Command => {
  const root = new Command('edict').option('--profile <name>');
  const bundle = root.command('bundle').description("author's bundles");
  bundle.command('draft <file>').description('draft a version').option('--output <format>');
  bundle.command('submit <policyId> <version>');
  root.command('decide').option('--policy <id>').option('-s, --subject <s>');
  return root;
};

describe('shell completion from the commander tree', () => {
  it('bash: every command path with its subcommands and options, registered for edict', () => {
    const script = bashCompletion(commandTree(program()));
    expect(script).toContain(`'') words='bundle decide --profile --help' ;;`);
    expect(script).toContain(`' bundle') words='draft submit --help' ;;`);
    expect(script).toContain(`' bundle draft') words='--output --help' ;;`);
    expect(script).toContain(`' decide') words='--policy --subject -s --help' ;;`);
    expect(script).toContain(`case "$cmdpath $w" in ' bundle'|' bundle draft'|' bundle submit'|' decide')`);
    expect(script).toContain('complete -o default -F _edict edict');
  });

  it('zsh: subcommands with their descriptions (quotes escaped), options, compdef', () => {
    const script = zshCompletion(commandTree(program()));
    expect(script.startsWith('#compdef edict\n')).toBe(true);
    expect(script).toContain(`('') cmds=('bundle:author'\\''s bundles' 'decide:'); opts=('--profile' '--help') ;;`);
    expect(script).toContain(`(' bundle draft') cmds=(); opts=('--output' '--help') ;;`);
    expect(script).toContain('compdef _edict edict');
  });

  it('the real CLI: every leaf command has an example in its --help', () => {
    const root = new Command('edict');
    for (const register of commandGroups) register(root);
    addExamples(root);
    expect(commandsWithoutExamples(root)).toEqual([]);
  });
});
