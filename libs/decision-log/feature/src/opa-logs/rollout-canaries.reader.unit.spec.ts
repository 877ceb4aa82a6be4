import type { RolloutEvent } from '@edict/contracts';
import type { EventStore } from '@edict/event-store';
import { RolloutCanariesReader } from './rollout-canaries.reader';

const AT = '2026-12-01T10:00:00.000Z';
const digest = (v: string): string => `sha256:${v.replace(/\D/g, '').padEnd(64, 'a')}`;
const started = (policyId: string, version: string, stableVersion: string | null): RolloutEvent => ({
  type: 'RolloutStarted',
  data: { policyId, version, digest: digest(version), percentage: 10, stableVersion, startedBy: 'alice', startedAt: AT },
});
const promoted = (policyId: string, version: string, from: 10 | 50, to: 50 | 100): RolloutEvent => ({
  type: 'RolloutPromoted',
  data: { policyId, version, digest: digest(version), from, to, promotedBy: 'bob', gate: { passed: true, overridden: false, reason: 'ok' }, promotedAt: AT },
});
const rolledBack = (policyId: string, version: string, toVersion: string): RolloutEvent =>
  ({ type: 'BundleRolledBack', data: { policyId, fromVersion: version, toVersion, reason: 'deny spike', rolledBackBy: 'incident-response', rolledBackAt: AT } }) as unknown as RolloutEvent;

/** The events as stored, recorded one second apart from 10:00:00 on. */
const storeWith = (streams: Record<string, readonly RolloutEvent[]>): EventStore =>
  ({
    readStream: (id: string) =>
      Promise.resolve((streams[id] ?? []).map((e, i) => ({ ...e, recordedAt: new Date(Date.parse(AT) + i * 1000).toISOString() }))),
  }) as unknown as EventStore;

const at = (seconds: number): string => new Date(Date.parse(AT) + seconds * 1000).toISOString();

describe('RolloutCanariesReader', () => {
  const egress = [started('org/egress', '1.0.0', null), promoted('org/egress', '1.0.0', 10, 50), promoted('org/egress', '1.0.0', 50, 100), started('org/egress', '1.1.0', '1.0.0')];

  it('marks the policy canary version as canary, the stable one and unknown policies not', async () => {
    const canaryOf = await new RolloutCanariesReader(storeWith({ 'rollout-org/egress': egress })).canaryOf(['org/egress', 'org/other', 'org/egress']);
    expect(canaryOf('org/egress', '1.1.0', at(10))).toBe(true);
    expect(canaryOf('org/egress', '1.0.0', at(10))).toBe(false);
    expect(canaryOf('org/other', '1.1.0', at(10))).toBe(false);
  });

  it('judges each decision by the rollout at its own time: a canary decision reported after the rollback stays a canary decision', async () => {
    const canaryOf = await new RolloutCanariesReader(storeWith({ 'rollout-org/egress': [...egress, rolledBack('org/egress', '1.1.0', '1.0.0')] })).canaryOf(['org/egress']);
    expect(canaryOf('org/egress', '1.1.0', at(3.5))).toBe(true); // decided while 1.1.0 was the canary, arriving now
    expect(canaryOf('org/egress', '1.1.0', at(2.5))).toBe(false); // before the canary started
    expect(canaryOf('org/egress', '1.1.0', at(4.5))).toBe(false); // after the rollback
  });
});
