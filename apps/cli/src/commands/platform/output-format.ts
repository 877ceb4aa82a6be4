import { InvalidArgumentError, type Command } from 'commander';
import { stringify } from 'yaml';
import { describeValue } from './describe-value';
import { printJson } from './http-client';
import { colors } from './text-table';

export type OutputFormat = 'table' | 'json' | 'yaml';

const FORMATS: readonly OutputFormat[] = ['table', 'json', 'yaml'];

export const parseOutput = (value: string): OutputFormat => {
  const format = FORMATS.find((f) => f === value);
  if (!format) throw new InvalidArgumentError(`'${value}' is not one of: ${FORMATS.join(', ')}`);
  return format;
};

/** Adds `--output table|json|yaml`; without it, a table on a terminal and JSON in a pipe. */
export const withOutputOption = (command: Command): Command =>
  command.option('--output <format>', 'table | json | yaml (default: table on a terminal, json otherwise)', parseOutput);

export const outputFormat = (opts: { output?: OutputFormat }): OutputFormat => opts.output ?? (process.stdout.isTTY ? 'table' : 'json');

export { colors, table } from './text-table';

/** Prints JSON, YAML, or the lines the caller renders for people. */
export function printAs(format: OutputFormat, value: unknown, render: () => readonly string[]): void {
  if (format === 'json') return printJson(value);
  if (format === 'yaml') return void process.stdout.write(stringify(value ?? null));
  process.stdout.write(`${render().join('\n')}\n`);
}

/** A command's answer in the format its --output asks for; without a renderer, describeValue's tables. */
export function printResult(opts: { output?: OutputFormat }, value: unknown, render?: () => readonly string[]): void {
  printAs(outputFormat(opts), value, render ?? (() => describeValue(value)));
}

/** `open` red, `confirmed` green, and the like: a status word coloured by what it means. */
export function statusWord(status: string): string {
  if (['failed', 'open', 'archived', 'unavailable'].includes(status)) return colors.red(status);
  if (['approved', 'signed', 'validated', 'confirmed', 'serving'].includes(status)) return colors.green(status);
  return colors.yellow(status);
}
