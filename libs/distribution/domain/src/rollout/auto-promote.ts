import type { GateVerdict } from '../gate/gate.types';
import type { PromoteRollout } from './rollout.commands';
import type { RolloutState } from './rollout.state';

/** Who an automatic promotion is recorded as (RolloutPromoted.promotedBy, the audit trail's actor). */
export const AUTO_PROMOTE_ACTOR = 'system:auto-promote';

/**
 * The promotion distribution makes on its own after a gate evaluation: only for a canary whose
 * schedule asks for it, not paused, pinned or disabled, and whose gates (soak included) passed.
 * Never an override: a failing gate waits for a person.
 */
export const autoPromotion = (state: RolloutState, gate: GateVerdict, at: string): PromoteRollout | null => {
  if (state.status !== 'tracked' || !state.canary) return null;
  const { canary } = state;
  if (!canary.autoPromote || canary.paused || state.pin || state.killSwitch || !gate.passed) return null;
  return { type: 'PromoteRollout', data: { by: AUTO_PROMOTE_ACTOR, at, gate: { passed: true, reasons: [] } } };
};
