import { randomUUID } from 'node:crypto';
import { systemClock } from '@edict/core';
import { createLogger } from '@edict/observability';
import { DecisionPoint } from '@edict/pdp';
import { ServingSyncService, type PdpConfig } from '@edict/pdp-feature';
import { cachedJwks } from './jwks-cache';

/**
 * A child process holding `--count` Edict PDPs: each a DecisionPoint kept in step by the sidecar's
 * own ServingSyncService (long poll of GET /v1/serving), sharing one JWKS cache per key set as
 * sidecars in one pod would not (they would each hold one). Every time a PDP loads another stable or
 * canary version of the policy it tells the parent `{ pdp, version, canary, at }` (at = Date.now()).
 */
const arg = (name: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
};

async function main(): Promise<void> {
  const count = Number(arg('count'));
  const first = Number(arg('first'));
  const policyId = arg('policy');
  const distributionUrl = arg('distribution');
  const keys = cachedJwks(arg('jwks'), 30_000);
  const manifestKeys = cachedJwks(`${distributionUrl}/.well-known/jwks.json`, 30_000);
  const logger = createLogger('bench-pdp', { level: 'error' });
  const metrics = { untrusted: { inc: () => undefined } } as unknown as ConstructorParameters<typeof ServingSyncService>[3];
  const syncs: ServingSyncService[] = [];
  for (let i = first; i < first + count; i++) {
    const pdp = new DecisionPoint({ name: `bench-pdp-${i}`, clock: systemClock, ids: { next: randomUUID }, keys, manifestKeys });
    const load = pdp.load.bind(pdp);
    let held = '';
    pdp.load = async (state) => {
      const loaded = await load(state);
      const policy = pdp.loaded().find((p) => p.policyId === policyId);
      const serving = { version: policy?.stable?.version, canary: policy?.canary?.bundle.version ?? null };
      if (loaded && JSON.stringify(serving) !== held) {
        held = JSON.stringify(serving);
        process.send?.({ pdp: i, ...serving, at: Date.now() });
      }
      return loaded;
    };
    const config: PdpConfig = {
      name: `bench-pdp-${i}`, distributionUrl, jwksUrl: arg('jwks'), manifestJwksUrl: `${distributionUrl}/.well-known/jwks.json`, manifestJwksFile: undefined,
      resyncMs: Number(process.env['EDICT_PDP_RESYNC_MS'] ?? 30_000), jwksTtlMs: 30_000, policies: undefined, logBatchSize: 500, logFlushMs: 200, logBufferLimit: 1000,
    };
    const sync = new ServingSyncService(pdp, config, logger, metrics);
    syncs.push(sync);
    await sync.start();
  }
  process.send?.({ ready: count });
  process.on('disconnect', () => {
    syncs.forEach((s) => s.onApplicationShutdown());
    process.exit(0);
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
