import type { Command } from 'commander';
import { registerPlatformCommands } from './platform/register-platform-commands';
import { registerEngineCommands } from './engine/register-engine-commands';
import { registerCliCommands } from './cli/register-cli-commands';

/** Each command group registers itself on the root program; one line per group. */
export type CommandGroup = (program: Command) => void;

export const commandGroups: CommandGroup[] = [
  registerPlatformCommands,
  registerEngineCommands,
  registerCliCommands,
];
