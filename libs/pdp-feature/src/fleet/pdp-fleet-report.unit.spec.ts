import type { CompiledBundle } from '@edict/policy-engine';
import type { LoadedPolicy } from '@edict/pdp';
import { pdpFleetReport } from './pdp-fleet-report';

const bundle = (version: string): CompiledBundle => ({ version } as unknown as CompiledBundle);
const held = (policyId: string, over: Partial<LoadedPolicy>): LoadedPolicy =>
  ({ policyId, revision: 1, stable: bundle('1.0.0'), canary: null, pinned: null, killSwitch: null, ...over });

describe('pdpFleetReport', () => {
  it('reports stable with its canary, the pin alone, the kill switch alone, and nothing for a policy without a stable version', () => {
    const report = pdpFleetReport([
      held('org/a', { canary: { bundle: bundle('1.1.0'), percentage: 10 } }),
      held('org/b', { pinned: bundle('0.9.0'), canary: { bundle: bundle('1.1.0'), percentage: 50 } }),
      held('org/c', { killSwitch: { mode: 'fail-closed', reason: 'drill' }, canary: { bundle: bundle('1.1.0'), percentage: 10 } }),
      held('org/d', { stable: null }),
    ], { host: 'h' });
    expect(report).toEqual({
      labels: { host: 'h' },
      policies: [
        { policyId: 'org/a', revision: '1.0.0', canary: { version: '1.1.0', percentage: 10 } },
        { policyId: 'org/b', revision: '0.9.0', canary: null },
        { policyId: 'org/c', revision: 'kill-switch-fail-closed', canary: null },
        { policyId: 'org/d', revision: null, canary: null },
      ],
    });
  });
});
