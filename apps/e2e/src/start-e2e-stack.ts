import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, startStack, uniqueName, type Stack } from '@edict/testing';

const run = promisify(execFile);

/** Gates that pass without decisions or soak time: a version can be promoted at once. */
export const OPEN_GATES: Readonly<Record<string, string>> = { EDICT_GATE_MIN_DECISIONS: '0', EDICT_GATE_SOAK_SECONDS: '0' };

export interface E2eStackOptions {
  /** extra environment for every service, over the defaults (topic prefix, PDP name, LOG_LEVEL warn) */
  readonly env?: Readonly<Record<string, string>>;
  /** default: a fresh temporary directory */
  readonly logDir?: string;
  /** default: `<uniqueName(name)>.` */
  readonly prefix?: string;
}

/**
 * The beforeAll of an e2e spec: builds (tools/build.mjs), then starts every service as a process on
 * the shared infrastructure (KAFKA_BROKERS, DATABASE_URL) with a fresh schema and topic prefix.
 */
export async function startE2eStack(name: string, options: E2eStackOptions = {}): Promise<Stack> {
  const root = repoRoot();
  await run(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root });
  return startStack({
    kafkaBrokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
    databaseUrl: process.env['DATABASE_URL'] ?? '',
    schema: uniqueName(name).replace(/-/g, '_'),
    logDir: options.logDir ?? mkdtempSync(join(tmpdir(), `edict-${name}-`)),
    env: { EDICT_TOPIC_PREFIX: options.prefix ?? `${uniqueName(name)}.`, EDICT_PDP_NAME: uniqueName('pdp'), LOG_LEVEL: 'warn', ...options.env },
  });
}
