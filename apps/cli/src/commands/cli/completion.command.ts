import { InvalidArgumentError, type Command } from 'commander';
import { commandTree } from './command-tree';
import { bashCompletion, zshCompletion } from './completion-scripts';

const SHELLS = { bash: bashCompletion, zsh: zshCompletion } as const;
type Shell = keyof typeof SHELLS;

const parseShell = (value: string): Shell => {
  if (value !== 'bash' && value !== 'zsh') throw new InvalidArgumentError(`'${value}' is not one of: bash, zsh`);
  return value;
};

/** `edict completion bash|zsh`: a completion script generated from the command tree as registered. */
export function registerCompletionCommand(program: Command): void {
  program
    .command('completion')
    .description('print a shell completion script (commands, subcommands, options)')
    .argument('<shell>', 'bash | zsh', parseShell)
    .addHelpText('after', [
      '',
      'Examples:',
      '  source <(edict completion bash)                          # this shell; add it to ~/.bashrc to keep it',
      '  edict completion zsh > "${fpath[1]}/_edict"              # zsh: a file named _edict on $fpath, then compinit',
    ].join('\n'))
    .action((shell: Shell) => {
      process.stdout.write(SHELLS[shell](commandTree(program)));
    });
}
