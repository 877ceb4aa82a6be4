import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { StreamIds } from '@edict/contracts';
import { EdictError } from '@edict/core';
import { createPostgresEventStore, type EventStore } from '@edict/event-store';
import { createLogger } from '@edict/observability';
import type { Principal } from '@edict/service-kit';
import { ChangeExceptionHandler } from './change-exception.handler';
import { ExceptionExpiryJob } from './exception-expiry.job';
import type { RequestExceptionDto } from './exception.dto';
import { ExceptionsReader } from './exceptions.reader';
import { RequestExceptionHandler } from './request-exception.handler';

const schema = `exceptions_test_${randomBytes(6).toString('hex')}`;
const clock = { at: new Date('2026-12-01T10:00:00.000Z'), now(): Date { return this.at; } };
const alice: Principal = { subject: 'alice', roles: ['author'], teams: [] };
const bob: Principal = { subject: 'bob', roles: ['security'], teams: [] };
const silent = createLogger('authoring-test', { level: 'silent' });
const refusal = async (work: Promise<unknown>): Promise<string> => work.then(() => 'no error', (error: unknown) => (error instanceof EdictError ? error.code : String(error)));
const request = (over: Partial<RequestExceptionDto> = {}): RequestExceptionDto => ({
  policyId: 'org/storage', ruleId: 'deny-unencrypted', resource: 'buckets/legacy-*', justification: 'pre-2024 bucket', ticket: 'SEC-1234', expiresAt: '2026-12-01T10:00:05.000Z', ...over,
});

describe('exceptions against the real store (injected clock)', () => {
  let store: EventStore;
  let requests: RequestExceptionHandler;
  let changes: ChangeExceptionHandler;
  let job: ExceptionExpiryJob;

  beforeAll(async () => {
    store = await createPostgresEventStore({ connectionString: process.env['DATABASE_URL'] ?? '', schema, poolSize: 2 });
    const reader = new ExceptionsReader(store);
    const config = { maxDays: { org: 30, team: 90, project: 180 }, expiryScanMs: 1000 };
    requests = new RequestExceptionHandler(store, clock, config, reader);
    changes = new ChangeExceptionHandler(store, clock, reader);
    job = new ExceptionExpiryJob(store, clock, config, silent, reader);
    const document = { apiVersion: 'edict.io/v1', kind: 'PolicyBundle', metadata: { policyId: 'org/storage', version: '1.0.0' }, spec: { rules: [{ id: 'deny-unencrypted', effect: 'deny', reason: 'encrypt' }] } };
    await store.append(StreamIds.bundle('org/storage'), [{ type: 'BundleDrafted', data: { policyId: 'org/storage', tier: 'org', version: '1.0.0', document, digest: 'sha256:x', by: alice, at: clock.now().toISOString() } }], 'no_stream');
  });

  afterAll(async () => {
    await store.close();
    const client = new Client({ connectionString: process.env['DATABASE_URL'] });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('numbers requests EXC-001, EXC-002 with no gap for a refused one, and the expiry job records each expiry once when the clock reaches it', async () => {
    expect(await refusal(requests.request(request({ ruleId: 'no-such-rule' }), alice))).toBe('EXCEPTION.RULE_NOT_FOUND');
    expect(await refusal(requests.request(request({ expiresAt: '2027-01-01T00:00:00.000Z' }), alice))).toBe('EXCEPTION.EXPIRY_TOO_FAR');
    expect((await requests.request(request(), alice)).exceptionId).toBe('EXC-001');
    expect((await requests.request(request({ expiresAt: '2026-12-02T00:00:00.000Z' }), alice)).exceptionId).toBe('EXC-002');
    expect(await refusal(changes.approve('EXC-001', alice))).toBe('EXCEPTION.SELF_APPROVAL');
    expect(await changes.approve('EXC-001', bob)).toMatchObject({ status: 'approved', approvedBy: 'bob', active: true });

    expect(await job.runOnce()).toEqual([]);
    clock.at = new Date('2026-12-01T10:00:05.000Z');
    expect(await job.runOnce()).toEqual(['EXC-001']);
    expect(await job.runOnce()).toEqual([]);
    const stream = await store.readStream(StreamIds.exception('EXC-001'));
    expect(stream.map((e) => e.type)).toEqual(['ExceptionRequested', 'ExceptionApproved', 'ExceptionExpired']);
    expect(stream[2]?.data).toEqual({ exceptionId: 'EXC-001', policyId: 'org/storage', expiresAt: '2026-12-01T10:00:05.000Z', expiredAt: '2026-12-01T10:00:05.000Z' });
    expect(await refusal(changes.revoke('EXC-001', 'done', alice))).toBe('EXCEPTION.NOT_ACTIVE');
    expect((await store.readStream(StreamIds.exception('EXC-002'))).map((e) => e.type)).toEqual(['ExceptionRequested']);
  });
});
