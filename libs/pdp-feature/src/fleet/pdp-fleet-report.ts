import type { PdpFleetReport } from '@edict/contracts';
import type { LoadedPolicy } from '@edict/pdp';

/**
 * What the PDP reports to the fleet view for the policies it holds: per policy the revision every
 * subject outside the canary gets (the kill switch's `kill-switch-<mode>`, else the pin, else
 * stable) and the canary (none while killed or pinned), as distribution computes what it expects.
 */
export const pdpFleetReport = (loaded: readonly LoadedPolicy[], labels: Readonly<Record<string, string>>): PdpFleetReport => ({
  labels,
  policies: loaded.map((p) => ({
    policyId: p.policyId,
    revision: p.killSwitch ? `kill-switch-${p.killSwitch.mode}` : (p.pinned ?? p.stable)?.version ?? null,
    canary: p.killSwitch || p.pinned || !p.canary ? null : { version: p.canary.bundle.version, percentage: p.canary.percentage },
  })),
});
