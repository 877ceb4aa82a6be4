import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { StreamIds, type AuditChainBroken, type BundleRolledBack, type DecisionWindowClosed, type IncidentOpened } from '@edict/contracts';
import type { Clock } from '@edict/core';
import { createPostgresEventStore, type PostgresEventStore } from '@edict/event-store';
import { uniqueName } from '@edict/testing';
import { AuditChainBrokenHandler } from './handlers/audit-chain-broken.handler';
import { EvaluateWindowHandler } from './handlers/evaluate-window.handler';
import { IncidentCommandsService } from './handlers/incident-commands.service';
import { IncidentIdsService } from './handlers/incident-ids.service';
import { RecordRollbackHandler } from './handlers/record-rollback.handler';
import { RollbackDeadlineWatcher } from './handlers/rollback-deadline.watcher';
import { TriggerSettingsService } from './handlers/trigger-settings.service';
import { rollbackFailedTotal, webhookDeliveries } from './incident-metrics';
import { IncidentNotifier } from './notify/incident-notifier';
import { CostsRepository } from './store/costs.repository';
import { IncidentsRepository } from './store/incidents.repository';
import type { IncidentListRow } from './store/incident-list-row';

/**
 * Incident-response's handlers on real Postgres (a schema of this file's own): one incident per
 * rollout problem, INC-YYYY-NNNN under concurrency, the rollback outcome and its deadline, the
 * daily budget, manual rollbacks that ask for an incident, and webhooks against real HTTP receivers.
 */
const SCHEMA = uniqueName('incidents_int').replace(/-/g, '_');
process.env['EDICT_DB_SCHEMA'] = SCHEMA;
process.env['EDICT_ROLLBACK_DEADLINE_SECONDS'] = '60';

let now = new Date('2026-03-01T10:00:00.000Z');
const clock: Clock = { now: () => now };
let store: PostgresEventStore;
let pool: Pool;
let repo: IncidentsRepository;
let commands: IncidentCommandsService;
let ids: IncidentIdsService;
let settings: TriggerSettingsService;
let evaluate: EvaluateWindowHandler;
let rollbacks: RecordRollbackHandler;

const window = (policyId: string, version: string, startSec: number, counts: Partial<DecisionWindowClosed['data']> = {}): DecisionWindowClosed['data'] => ({
  policyId, version, canary: true,
  windowStart: new Date(Date.parse('2026-03-01T10:00:00.000Z') + startSec * 1000).toISOString(),
  windowEnd: new Date(Date.parse('2026-03-01T10:00:10.000Z') + startSec * 1000).toISOString(),
  total: 400, errors: 0, denies: 0, noMatches: 0, meanEvaluationNs: 50_000, ...counts,
});
const typesOf = async (incidentId: string): Promise<string[]> => (await store.readStream(StreamIds.incident(incidentId))).map((e) => e.type);
const incidentsOf = async (policyId: string): Promise<IncidentListRow[]> => (await repo.list()).filter((i) => i.policyId === policyId);

beforeAll(async () => {
  store = await createPostgresEventStore({ connectionString: process.env['DATABASE_URL'] ?? '', schema: SCHEMA });
  pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 5 });
  repo = new IncidentsRepository(pool);
  commands = new IncidentCommandsService(store, clock, repo);
  ids = new IncidentIdsService(store);
  settings = new TriggerSettingsService(store, clock);
  evaluate = new EvaluateWindowHandler(store, repo, new CostsRepository(repo), commands, ids, settings, clock);
  rollbacks = new RecordRollbackHandler(repo, commands, ids);
});

afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
  await pool.end();
  await store.close();
});

describe('one incident per rollout problem', () => {
  it('opens INC-2026-NNNN once; further and redelivered windows are evidence, with no second rollback request', async () => {
    await evaluate.handle(window('org/one', '1.1.0', 0, { denies: 380 }));
    const [first, ...others] = await incidentsOf('org/one');
    expect(others).toEqual([]);
    expect(first).toMatchObject({ version: '1.1.0', trigger: 'deny_rate', status: 'open', rollbackRequested: true });
    const id = String(first?.['incidentId']);
    expect(id).toMatch(/^INC-2026-\d{4}$/);

    await evaluate.handle(window('org/one', '1.1.0', 10, { denies: 390, errors: 100 }));
    await evaluate.handle(window('org/one', '1.1.0', 0, { denies: 380 }));
    expect(await incidentsOf('org/one')).toHaveLength(1);
    expect(await typesOf(id)).toEqual(['IncidentOpened', 'RollbackRequested', 'IncidentEvidenceAdded', 'IncidentEvidenceAdded']);
    expect((await commands.get(id)).decisionsAffected).toBe(1200);

    // rolled back and resolved: a late window of the version is still this incident's evidence
    await rollbacks.handle({ policyId: 'org/one', fromVersion: '1.1.0', toVersion: '1.0.0', reason: 'auto', rolledBackBy: 'system:incident-response', automatic: true, incidentId: id, rolledBackAt: '2026-03-01T10:00:14.000Z' });
    await commands.resolve(id, 'dave', 'bad rule');
    await evaluate.handle(window('org/one', '1.1.0', 20, { denies: 399 }));
    expect(await incidentsOf('org/one')).toHaveLength(1);
    expect((await typesOf(id)).filter((t) => t === 'RollbackRequested')).toHaveLength(1);
    expect(await typesOf(id)).toContain('IncidentRollbackCompleted');
  });

  it('numbers concurrent findings 1…n without a gap or a duplicate, and the same finding the same', async () => {
    const keys = Array.from({ length: 6 }, (_, i) => `race-${i}`);
    const got = await Promise.all([...keys, ...keys].map((k) => ids.idFor(k, '2031-05-01T00:00:00.000Z')));
    expect(new Set(got.slice(0, 6)).size).toBe(6);
    expect(got.slice(6)).toEqual(got.slice(0, 6));
    expect([...got.slice(0, 6)].sort()).toEqual(['INC-2031-0001', 'INC-2031-0002', 'INC-2031-0003', 'INC-2031-0004', 'INC-2031-0005', 'INC-2031-0006']);
  });
});

describe('rollback outcome', () => {
  it('escalates to CRITICAL a rollback with no BundleRolledBack within the deadline, once, and counts it', async () => {
    await evaluate.handle(window('org/pinned', '2.0.0', 0, { errors: 200 }));
    const id = String((await incidentsOf('org/pinned'))[0]?.['incidentId']);
    const watcher = new RollbackDeadlineWatcher(clock, repo, commands);
    const before = (await rollbackFailedTotal.get()).values.find((v) => v.labels['policy'] === 'org/pinned')?.value ?? 0;

    now = new Date('2026-03-01T10:00:59.000Z');
    expect(await watcher.check()).toEqual([]);
    now = new Date('2026-03-01T10:01:11.000Z');
    expect(await watcher.check()).toEqual([id]);
    expect(await watcher.check()).toEqual([]);
    expect(await commands.get(id)).toMatchObject({ severity: 'critical', rollback: { escalatedAt: '2026-03-01T10:01:11.000Z', completedAt: null } });
    const after = (await rollbackFailedTotal.get()).values.find((v) => v.labels['policy'] === 'org/pinned')?.value ?? 0;
    expect(after - before).toBe(1);
  });

  it('asks for no rollback of a version that was already rolled back (nothing would answer, nothing to escalate)', async () => {
    await store.append(StreamIds.rollout('org/gone'), [{ type: 'BundleRolledBack', data: { policyId: 'org/gone', fromVersion: '1.2.0', toVersion: '1.1.0', reason: 'by hand', rolledBackBy: 'dave', automatic: false, rolledBackAt: '2026-03-01T09:59:00.000Z' } }], 'any');
    await evaluate.handle(window('org/gone', '1.2.0', 0, { denies: 300 }));
    const [incident] = await incidentsOf('org/gone');
    expect(incident).toMatchObject({ trigger: 'deny_rate', rollbackRequested: false });
    expect(await typesOf(String(incident?.['incidentId']))).toEqual(['IncidentOpened']);
  });

  it('opens an incident for a manual rollback that asks for one (createIncident), already rolled back', async () => {
    const manual: BundleRolledBack['data'] = { policyId: 'org/manual', fromVersion: '3.1.0', toVersion: '3.0.0', reason: 'error rate 7.2%', rolledBackBy: 'alice', automatic: false, createIncident: true, rolledBackAt: '2026-03-01T11:00:00.000Z' };
    await rollbacks.handle(manual);
    await rollbacks.handle(manual);
    const [incident, ...more] = await incidentsOf('org/manual');
    expect(more).toEqual([]);
    expect(incident).toMatchObject({ trigger: 'manual', severity: 'high', rollbackRequested: false, version: '3.1.0' });
    expect(await typesOf(String(incident?.['incidentId']))).toEqual(['IncidentOpened', 'IncidentRollbackCompleted']);
  });
});

describe('audit chain', () => {
  it('opens one CRITICAL incident to investigate per break the audit anchor reports, and requests no rollback', async () => {
    const broken = new AuditChainBrokenHandler(commands, ids);
    const report: AuditChainBroken['data'] = { position: 42, kind: 'edited', code: 'CHAIN.HASH_MISMATCH', reason: 'event 42 does not hash to its stored hash', detectedAt: '2026-03-01T12:00:00.000Z' };
    await broken.handle(report);
    await broken.handle(report);
    const [incident, ...more] = await incidentsOf('*');
    expect(more).toEqual([]);
    expect(incident).toMatchObject({ trigger: 'audit_chain', severity: 'critical', rollbackRequested: false, version: '*' });
    const events = await store.readStream(StreamIds.incident(String(incident?.['incidentId'])));
    expect(events.map((e) => e.type)).toEqual(['IncidentOpened']);
    expect((events[0]?.data as IncidentOpened['data']).summary).toContain('position 42 (edited');
  });
});

describe('declared cost', () => {
  it('alerts once at 80% of the daily budget set for the policy; evaluation time never opens a cost incident', async () => {
    await settings.set('org/costly', { dailyCostBudget: 1000 }, 'platform-admin');
    await evaluate.handle(window('org/costly', '1.0.0', 0, { canary: false, costSum: 400, meanEvaluationNs: 10 }));
    await evaluate.handle(window('org/costly', '1.1.0', 0, { costSum: 390, meanEvaluationNs: 9e9 }));
    expect(await incidentsOf('org/costly')).toEqual([]);
    await evaluate.handle(window('org/costly', '1.1.0', 10, { costSum: 20 }));
    await evaluate.handle(window('org/costly', '1.1.0', 20, { costSum: 20 }));
    const listed = await incidentsOf('org/costly');
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ trigger: 'budget', severity: 'medium', version: '*', rollbackRequested: false });
  });
});

describe('webhooks', () => {
  const servers: Server[] = [];
  const receiver = async (answer: (n: number) => number): Promise<{ url: string; bodies: unknown[] }> => {
    const bodies: unknown[] = [];
    const server = createServer((req: IncomingMessage, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => { raw += c.toString(); });
      req.on('end', () => {
        bodies.push(JSON.parse(raw));
        res.statusCode = answer(bodies.length);
        res.end();
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies };
  };
  afterAll(async () => { await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))); });

  it('delivers Slack and generic bodies by severity, retries a receiver that fails first, dead-letters one that keeps failing', async () => {
    const flaky = await receiver((n) => (n <= 2 ? 503 : 200));
    const generic = await receiver(() => 204);
    const broken = await receiver(() => 500);
    const lowOnly = await receiver(() => 200);
    process.env['EDICT_WEBHOOKS'] = JSON.stringify([
      { url: flaky.url, severities: ['high', 'critical'], format: 'slack' },
      { url: generic.url, format: 'generic' },
      { url: `${broken.url}?token=secret`, severities: ['high'] },
      { url: lowOnly.url, severities: ['low'] },
    ]);
    process.env['EDICT_WEBHOOK_BACKOFF_MS'] = '20';
    process.env['EDICT_WEBHOOK_MAX_ATTEMPTS'] = '3';
    const notifier = new IncidentNotifier(commands, clock);

    await evaluate.handle(window('org/notify', '4.0.0', 0, { denies: 300 }));
    const id = String((await incidentsOf('org/notify'))[0]?.['incidentId']);
    const opened = (await store.readStream(StreamIds.incident(id)))[0] as unknown as IncidentOpened;
    const deadBefore = (await webhookDeliveries.get()).values.find((v) => v.labels['outcome'] === 'dead_lettered')?.value ?? 0;
    await notifier.notify({ type: 'IncidentOpened', data: opened.data });

    expect(flaky.bodies).toHaveLength(3);
    const slack = flaky.bodies[2] as { text: string; blocks: unknown[] };
    expect(slack.text.split('\n')).toEqual([
      `🚨 [POLICY ALERT] Deny Rate High (${id}, HIGH)`,
      'Bundle: org/notify@4.0.0',
      'Deny Rate: 75% (threshold: 50%)',
      'Duration: 10 seconds',
      'Action: Auto-rollback initiated',
      'Runbook: https://github.com/edict/edict/blob/main/docs/operations.md#incidents',
    ]);
    expect(slack.blocks).toHaveLength(1);
    expect(generic.bodies).toEqual([expect.objectContaining({ incidentId: id, severity: 'high', metric: 'Deny Rate', observed: 0.75, threshold: 0.5, action: 'Auto-rollback initiated' })]);
    expect(broken.bodies).toHaveLength(3);
    expect(lowOnly.bodies).toEqual([]);
    const failed = (await store.readStream(StreamIds.incident(id))).filter((e) => e.type === 'IncidentNotificationFailed');
    expect(failed.map((e) => e.data)).toEqual([expect.objectContaining({ about: 'IncidentOpened', webhook: broken.url, attempts: 3, lastError: 'HTTP 500' })]);
    const deadAfter = (await webhookDeliveries.get()).values.find((v) => v.labels['outcome'] === 'dead_lettered')?.value ?? 0;
    expect(deadAfter - deadBefore).toBe(1);
  });
});
