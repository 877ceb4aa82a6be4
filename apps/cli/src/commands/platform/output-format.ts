import Table from 'cli-table3';
import pc from 'picocolors';
import { InvalidArgumentError, type Command } from 'commander';
import { printJson } from './http-client';

export type OutputFormat = 'table' | 'json';

const parseOutput = (value: string): OutputFormat => {
  if (value !== 'table' && value !== 'json') throw new InvalidArgumentError(`'${value}' is not one of: table, json`);
  return value;
};

/** Adds `--output table|json`; without it, a table on a terminal and JSON in a pipe. */
export const withOutputOption = (command: Command): Command =>
  command.option('--output <format>', 'table | json (default: table on a terminal, json otherwise)', parseOutput);

export const outputFormat = (opts: { output?: OutputFormat }): OutputFormat => opts.output ?? (process.stdout.isTTY ? 'table' : 'json');

/** Colours only where picocolors allows them (a terminal, NO_COLOR unset). */
export const colors = pc.createColors(pc.isColorSupported && process.env['NO_COLOR'] === undefined);

/** A plain table: no colours from cli-table3 itself, the head in bold where colours are on. */
export function table(head: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const t = new Table({ head: head.map((h) => colors.bold(h)), style: { head: [], border: [] } });
  for (const row of rows) t.push(row.map((cell) => (cell === undefined || cell === null ? '' : typeof cell === 'string' ? cell : JSON.stringify(cell))));
  return t.toString();
}

/** Prints JSON, or the lines the caller renders for people. */
export function printAs(format: OutputFormat, value: unknown, render: () => readonly string[]): void {
  if (format === 'json') return printJson(value);
  process.stdout.write(`${render().join('\n')}\n`);
}

/** `open` red, `confirmed` green, and the like: a status word coloured by what it means. */
export function statusWord(status: string): string {
  if (['failed', 'open', 'archived', 'unavailable'].includes(status)) return colors.red(status);
  if (['approved', 'signed', 'validated', 'confirmed', 'serving'].includes(status)) return colors.green(status);
  return colors.yellow(status);
}
