import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { StreamIds, type ServingState } from '@edict/contracts';
import { rolloutDecider, type RolloutState } from '@edict/distribution-domain';
import { createPostgresEventStore, type EventStore } from '@edict/event-store';
import { decideAndAppend } from '@edict/messaging';
import { RolloutChanges } from '../opa/rollout-changes';
import { ServingController } from '../http/serving.controller';
import type { ReleasesRepository } from '../store/releases.repository';
import { ServingProjection } from './serving-projection';
import type { ServingStateService } from './serving-state.service';

const schema = `serving_test_${randomBytes(6).toString('hex')}`;
const at = '2026-12-01T10:00:00.000Z';

/** Counts builds: the projection must build once per change, never per request. */
const builds: string[] = [];
const builder = {
  build: (policyId: string, state: RolloutState, revision: number): Promise<ServingState> => {
    builds.push(`${policyId}@${revision}`);
    const version = state.status === 'tracked' ? state.stable?.version ?? state.canary?.version ?? null : null;
    return Promise.resolve({ policyId, revision, stable: version ? { version, digest: 'd', document: {}, signature: 's', kid: 'k' } : null, canary: null, pinned: null, killSwitch: null });
  },
} as unknown as ServingStateService;

/** A response the controller writes to, as Express would hand it over. */
class Answer extends EventEmitter {
  statusCode = 0;
  readonly headers: Record<string, string | number> = {};
  body = '';
  writableEnded = false;
  destroyed = false;
  readonly done = new Promise<void>((resolve) => this.once('finish', resolve));
  setHeader(name: string, value: string | number): void {
    this.headers[name] = value;
  }
  end(body?: string): void {
    this.body = body ?? '';
    this.writableEnded = true;
    this.emit('finish');
  }
}

const start = (store: EventStore, policyId: string, version: string) =>
  decideAndAppend(store, StreamIds.rollout(policyId), rolloutDecider, { type: 'StartRollout', data: { policyId, version, digest: `sha256:${'0'.repeat(64)}`, signatureVerified: true, by: 'ops', at } });
const pause = (store: EventStore, policyId: string) =>
  decideAndAppend(store, StreamIds.rollout(policyId), rolloutDecider, { type: 'PauseRollout', data: { reason: 'look', by: 'ops', at } });

describe('the serving projection on the real store', () => {
  let store: EventStore;
  let projection: ServingProjection | undefined;
  let controller: ServingController;

  beforeAll(async () => {
    // a poll interval longer than the test: only the store's NOTIFY can deliver changes in time
    store = await createPostgresEventStore({ connectionString: process.env['DATABASE_URL'] ?? '', schema, poolSize: 2, pollIntervalMs: 60_000 });
    await start(store, 'org/a', '1.0.0');
    await start(store, 'org/b', '1.0.0');
    await pause(store, 'org/b');
    projection = new ServingProjection(store, builder, new RolloutChanges());
    controller = new ServingController(projection, {} as ReleasesRepository);
  });

  const serving = (): ServingProjection => {
    if (!projection) throw new Error('no projection');
    return projection;
  };

  afterAll(async () => {
    await projection?.onModuleDestroy();
    await store.close();
    const client = new Client({ connectionString: process.env['DATABASE_URL'] });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('is built at start from every rollout stream, once per policy, and requests only read it', async () => {
    await serving().ready();
    expect(builds.sort()).toEqual(['org/a@0', 'org/b@1']);
    const first = new Answer();
    await controller.all(undefined, undefined, first as unknown as ServerResponse);
    const second = new Answer();
    await controller.one('org/b', undefined, undefined, second as unknown as ServerResponse);
    expect(first.statusCode).toBe(200);
    expect((JSON.parse(first.body) as ServingState[]).map((s) => [s.policyId, s.revision])).toEqual([['org/a', 0], ['org/b', 1]]);
    expect(JSON.parse(second.body)).toMatchObject({ policyId: 'org/b', revision: 1 });
    expect(builds).toHaveLength(2);
  });

  it('answers 304 to a current ETag, and holds a long poll until a change, which it answers at once', async () => {
    const now = new Answer();
    await controller.all(undefined, undefined, now as unknown as ServerResponse);
    const etag = String(now.headers['etag']);
    const unchanged = new Answer();
    await controller.all(undefined, etag, unchanged as unknown as ServerResponse);
    expect(unchanged.statusCode).toBe(304);

    const held = new Answer();
    void controller.all('wait=60', etag, held as unknown as ServerResponse);
    await pause(store, 'org/a');
    await held.done;
    expect(held.statusCode).toBe(200);
    expect(held.headers['etag']).not.toBe(etag);
    expect((JSON.parse(held.body) as ServingState[]).find((s) => s.policyId === 'org/a')?.revision).toBe(1);
    expect(builds.filter((b) => b === 'org/a@1')).toHaveLength(1);
  });

  it('waits for a command’s revision (read-your-writes), and serves a policy never rolled out as empty', async () => {
    const [event] = await start(store, 'org/c', '1.0.0');
    await serving().caughtUp('org/c', event?.revision ?? 0);
    expect(serving().documents.of('org/c')?.revision).toBe(0);
    const none = await serving().document('org/none');
    expect(JSON.parse(none.body)).toMatchObject({ policyId: 'org/none', revision: -1, stable: null });
  });

  it('refuses a Prefer: wait out of range with a stable code', async () => {
    await expect(controller.all('wait=0', undefined, new Answer() as unknown as ServerResponse)).rejects.toMatchObject({ code: 'SERVING.PREFER_WAIT_INVALID', status: 400 });
    await expect(controller.all('wait=100000', undefined, new Answer() as unknown as ServerResponse)).rejects.toMatchObject({ code: 'SERVING.PREFER_WAIT_INVALID' });
  });

  it('keeps following the store after its subscription fails (the database restarting): it resubscribes from where it stopped', async () => {
    let failures = 0;
    const flaky: EventStore = Object.assign(Object.create(store) as EventStore, {
      subscribe: (options: Parameters<EventStore['subscribe']>[0]) => {
        if (failures > 0) return store.subscribe(options);
        failures++;
        setTimeout(() => options.onError?.(new Error('terminating connection due to administrator command')), 0);
        return { done: Promise.resolve(), stop: () => Promise.resolve() };
      },
    });
    const second = new ServingProjection(flaky, builder, new RolloutChanges());
    try {
      await second.ready();
      const [event] = await start(store, 'org/after-restart', '1.0.0');
      await second.caughtUp('org/after-restart', event?.revision ?? 0, 20_000);
      expect({ failures, revision: second.documents.of('org/after-restart')?.revision }).toEqual({ failures: 1, revision: 0 });
    } finally {
      await second.onModuleDestroy();
    }
  });
});
