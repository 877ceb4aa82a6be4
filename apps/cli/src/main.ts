#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { commandGroups } from './commands';
import { addExamples } from './commands/cli/command-examples';
import { setGlobalFlags } from './commands/platform/cli-config-file';
import { errorLine, EXIT, EXIT_CODES_HELP, exitCodeFor } from './commands/platform/exit-codes';

/** `edict`: the command line for authors, SRE and compliance. Exit codes: EXIT_CODES_HELP (exit-codes.ts). */
async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('edict')
    .description('Edict policy control plane')
    .option('--profile <name>', 'the config profile to use (default: EDICT_PROFILE, else the current one; see `edict config`)')
    .option('--token <jwt>', 'the bearer token (default: EDICT_TOKEN, else the profile\'s token)')
    .configureOutput({ outputError: (text, write) => write(`edict: ${text.replace(/^error: /, '')}`) })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n\nErrors are one line on stderr: edict: <CODE>: <what happened>\n`)
    .exitOverride()
    .hook('preAction', () => setGlobalFlags(program.opts<{ profile?: string; token?: string }>()));
  for (const register of commandGroups) register(program);
  addExamples(program);
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    process.stderr.write(`${errorLine(error)}\n`);
    return exitCodeFor(error);
  }
}

// exitCode rather than exit(): exit() would cut off output still being written to a pipe
main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${errorLine(e)}\n`);
    process.exitCode = EXIT.failure;
  },
);
