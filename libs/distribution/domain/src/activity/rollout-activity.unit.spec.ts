import { disabled, madeStable, pinned, rolledBack, started, T0, T2 } from '../rollout/__fixtures__/rollout.fixtures';
import { rolloutActivity } from './rollout-activity';

describe('rolloutActivity', () => {
  it('knows nothing of an empty stream', () => {
    expect(rolloutActivity([])).toEqual({ stableSince: null, canarySince: null, lastChange: null });
  });

  it('dates the stable version from its promotion to 100% and a canary from its start', () => {
    const events = [...madeStable('1.0.0'), started('1.1.0', '1.0.0', '2025-03-04T08:00:00.000Z')];
    expect(rolloutActivity(events)).toEqual({
      stableSince: T2,
      canarySince: '2025-03-04T08:00:00.000Z',
      lastChange: { type: 'RolloutStarted', version: '1.1.0', at: '2025-03-04T08:00:00.000Z', by: 'alice' },
    });
  });

  it('dropping a canary keeps the stable version\'s time; a revert restarts it', () => {
    const canary = [...madeStable('1.0.0'), started('1.1.0', '1.0.0', T0)];
    const dropped = rolloutActivity([...canary, rolledBack('1.1.0', '1.0.0', { rolledBackAt: '2025-03-05T00:00:00.000Z' })]);
    expect(dropped).toMatchObject({ stableSince: T2, canarySince: null, lastChange: { type: 'BundleRolledBack', version: '1.1.0', by: 'oncall' } });
    const two = [...madeStable('1.0.0'), ...madeStable('1.1.0', '1.0.0')];
    expect(rolloutActivity([...two, rolledBack('1.1.0', '1.0.0', { rolledBackAt: '2025-03-06T00:00:00.000Z' })]).stableSince).toBe('2025-03-06T00:00:00.000Z');
    expect(rolloutActivity([...madeStable('1.0.0'), rolledBack('1.0.0', null)]).stableSince).toBeNull();
  });

  it('names who made the last change, whatever kind it was', () => {
    expect(rolloutActivity([...madeStable('1.0.0'), pinned('1.0.0')]).lastChange).toEqual({ type: 'VersionPinned', version: '1.0.0', at: T2, by: 'sre' });
    expect(rolloutActivity([...madeStable('1.0.0'), disabled]).lastChange).toEqual({ type: 'PolicyDisabled', version: null, at: T2, by: 'root' });
  });
});
