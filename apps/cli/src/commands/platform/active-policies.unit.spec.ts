import { activePoliciesTable, duration } from './active-policies';

describe('edict policy list --active', () => {
  it('prints durations short', () => {
    expect([duration(null), duration(42), duration(90), duration(3 * 3600 + 120), duration(90_000)]).toEqual(['', '42s', '1m 30s', '3h 2m', '1d 1h']);
  });

  it('puts every serving version, the share and the last change in one row', () => {
    const out = activePoliciesTable([{
      policyId: 'org/baseline',
      stable: { version: '1.0.0', since: '2026-01-01T00:00:00.000Z', activeForSeconds: 7200 },
      canary: { version: '1.1.0', since: '2026-01-01T01:00:00.000Z', activeForSeconds: 3600, percentage: 50, paused: true },
      pinned: null,
      killSwitch: null,
      canaryShare: 50,
      lastChange: { type: 'RolloutPaused', version: '1.1.0', at: '2026-01-01T01:30:00.000Z', by: 'sre' },
    }]);
    for (const cell of ['org/baseline', '1.0.0', '1.1.0 50% (paused)', '50%', '2h 0m', 'RolloutPaused 1.1.0 by sre at 2026-01-01T01:30:00.000Z']) expect(out).toContain(cell);
  });
});
