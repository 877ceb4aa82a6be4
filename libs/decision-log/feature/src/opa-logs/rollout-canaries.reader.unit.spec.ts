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

const storeWith = (streams: Record<string, readonly RolloutEvent[]>): EventStore =>
  ({ readStream: (id: string) => Promise.resolve(streams[id] ?? []) }) as unknown as EventStore;

describe('RolloutCanariesReader', () => {
  it('marks the policy canary version as canary, the stable one and unknown policies not', async () => {
    const store = storeWith({
      'rollout-org/egress': [started('org/egress', '1.0.0', null), promoted('org/egress', '1.0.0', 10, 50), promoted('org/egress', '1.0.0', 50, 100), started('org/egress', '1.1.0', '1.0.0')],
    });
    const canaryOf = await new RolloutCanariesReader(store).canaryOf(['org/egress', 'org/other', 'org/egress']);
    expect(canaryOf('org/egress', '1.1.0')).toBe(true);
    expect(canaryOf('org/egress', '1.0.0')).toBe(false);
    expect(canaryOf('org/other', '1.1.0')).toBe(false);
  });
});
