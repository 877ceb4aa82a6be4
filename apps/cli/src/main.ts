#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { commandGroups } from './commands';

/** `edict`: the command line for authors, SRE and compliance. Exit codes: 0 ok, 1 failure, 2 usage. */
async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('edict').description('Edict policy control plane').exitOverride();
  for (const register of commandGroups) register(program);
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`edict: ${message}\n`);
    return 1;
  }
}

// exitCode rather than exit(): exit() would cut off output still being written to a pipe
main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`edict: ${String(e)}\n`);
    process.exitCode = 1;
  },
);
