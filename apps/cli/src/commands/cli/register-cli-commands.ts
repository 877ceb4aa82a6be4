import type { Command } from 'commander';
import { registerConfigCommands } from '../platform/config.commands';
import { registerCompletionCommand } from './completion.command';

/** The commands about the CLI itself: `config`, `completion`. */
export function registerCliCommands(program: Command): void {
  registerConfigCommands(program);
  registerCompletionCommand(program);
}
