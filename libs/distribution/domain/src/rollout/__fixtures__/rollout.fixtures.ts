import type {
  BundleRolledBack, PolicyDisabled, RolloutEvent, RolloutPaused, RolloutPercentage, RolloutPromoted, RolloutStarted, VersionPinned,
} from '@edict/contracts';
import type { GateVerdict } from '../../gate/gate.types';
import type { PromoteRollout, RollBack, StartRollout } from '../rollout.commands';

/** Test data for the rollout specs: builders over one policy, with readable defaults. */
export const POLICY = 'teams/pay/refunds';
export const T0 = '2025-03-01T10:00:00.000Z';
export const T1 = '2025-03-02T11:00:00.000Z';
export const T2 = '2025-03-03T12:00:00.000Z';

/** A well-formed digest derived from the version, so each version has its own. */
export const digestOf = (version: string): string =>
  `sha256:${version.replace(/\D/g, '').padEnd(64, 'a').slice(0, 64)}`;

export const passed: GateVerdict = { passed: true, reasons: [] };
export const failed: GateVerdict = { passed: false, reasons: ['error rate 7.2% exceeds 5.0%'] };

export const started = (version: string, stableVersion: string | null = null, at = T0): RolloutStarted => ({
  type: 'RolloutStarted',
  data: { policyId: POLICY, version, digest: digestOf(version), percentage: 10, stableVersion, startedBy: 'alice', startedAt: at },
});

export const promoted = (version: string, from: RolloutPercentage, to: RolloutPercentage, at = T1): RolloutPromoted => ({
  type: 'RolloutPromoted',
  data: {
    policyId: POLICY, version, digest: digestOf(version), from, to, promotedBy: 'bob',
    gate: { passed: true, overridden: false, reason: 'all gates passed' }, promotedAt: at,
  },
});

/** The events that take `version` from canary to stable. */
export const madeStable = (version: string, previous: string | null = null): RolloutEvent[] => [
  started(version, previous),
  promoted(version, 10, 50),
  promoted(version, 50, 100, T2),
];

export const rolledBack = (from: string, to: string | null, extra: Partial<BundleRolledBack['data']> = {}): BundleRolledBack => ({
  type: 'BundleRolledBack',
  data: { policyId: POLICY, fromVersion: from, toVersion: to, reason: 'error rate 12%', rolledBackBy: 'oncall', automatic: false, rolledBackAt: T2, ...extra },
});

export const start = (version: string, extra: Partial<StartRollout['data']> = {}): StartRollout => ({
  type: 'StartRollout',
  data: { policyId: POLICY, version, digest: digestOf(version), signatureVerified: true, by: 'alice', at: T0, ...extra },
});

export const promote = (extra: Partial<PromoteRollout['data']> = {}): PromoteRollout => ({
  type: 'PromoteRollout',
  data: { by: 'bob', at: T1, gate: passed, ...extra },
});

export const rollBack = (extra: Partial<RollBack['data']> = {}): RollBack => ({
  type: 'RollBack',
  data: { reason: 'error rate 12%', by: 'oncall', at: T2, automatic: false, ...extra },
});

export const pinned = (version: string): VersionPinned => ({
  type: 'VersionPinned',
  data: { policyId: POLICY, version, digest: digestOf(version), reason: 'freeze during audit', pinnedBy: 'sre', pinnedAt: T2 },
});

export const disabled: PolicyDisabled = {
  type: 'PolicyDisabled',
  data: { policyId: POLICY, mode: 'fail-closed', reason: 'rollback failed', disabledBy: 'root', disabledAt: T2 },
};

export const paused = (version: string, percentage: RolloutPercentage = 10): RolloutPaused => ({
  type: 'RolloutPaused',
  data: { policyId: POLICY, version, digest: digestOf(version), percentage, reason: 'holiday freeze', pausedBy: 'sre', pausedAt: T1 },
});
