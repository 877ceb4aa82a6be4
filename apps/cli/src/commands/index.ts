import type { Command } from 'commander';

/** Each command group registers itself on the root program; one line per group. */
export type CommandGroup = (program: Command) => void;

export const commandGroups: CommandGroup[] = [];
