import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { BaseTopics } from '@edict/contracts';
import { freePort, repoRoot, spawnService, uniqueName, waitReady, type ServiceProcess } from '@edict/testing';

/**
 * What the decision-log restart specs share: a topic prefix, a schema and a log folder of their
 * own, decision-log started as its own process on them (1 s windows, 500 ms allowed lateness, plus
 * `env`), and polling helpers over the spec's pool.
 */
export function decisionLogFaultFixture(name: string, env: Readonly<Record<string, string>> = {}) {
  const root = repoRoot();
  const prefix = `${uniqueName(name)}.`;
  const schema = uniqueName(name).replace(/-/g, '_');
  const logDir = mkdtempSync(join(tmpdir(), `edict-${name}-`));
  const start = async (): Promise<ServiceProcess> => {
    const s = spawnService(root, 'decision-log', await freePort(), {
      ...process.env, EDICT_DB_SCHEMA: schema, EDICT_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn',
      EDICT_DECISION_WINDOW_SECONDS: '1', EDICT_DECISION_ALLOWED_LATENESS_MS: '500', ...env,
    }, logDir);
    await waitReady(s);
    return s;
  };
  const one = async (pool: Pool, sql: string): Promise<number> => Number((await pool.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
  /** Polls until `check` holds (a check that throws, e.g. while the service is down, counts as not yet). */
  const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check().catch(() => false))) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (logs in ${logDir})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return { root, prefix, topic: `${prefix}${BaseTopics.decisions}`, schema, logDir, start, one, until };
}
