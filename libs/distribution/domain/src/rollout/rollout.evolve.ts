import { assertNever } from '@edict/core';
import type { BundleRolledBack, PolicyRetired, RolloutEvent, RolloutPromoted, RolloutStarted } from '@edict/contracts';
import { DEFAULT_SCHEDULE } from './rollout-schedule';
import type { RolloutState, TrackedRollout } from './rollout.state';

const started = (state: RolloutState, { data }: RolloutStarted): TrackedRollout => {
  const base: TrackedRollout = state.status === 'tracked'
    ? state
    : { status: 'tracked', policyId: data.policyId, stable: null, canary: null, history: [], archived: [], pin: null, killSwitch: null, rolledBackIncidents: [] };
  const { steps, soakSeconds, autoPromote } = data.schedule ?? DEFAULT_SCHEDULE;
  const canary = { version: data.version, digest: data.digest, percentage: data.percentage, stepStartedAt: data.startedAt, paused: false, steps, soakSeconds: soakSeconds ?? null, autoPromote };
  const { retired: _retired, ...unretired } = base; // a new major of a retired id serves again
  return { ...unretired, canary };
};

/** Nothing serves; what served becomes history (the stream keeps every event). */
const retired = (state: TrackedRollout, { data }: PolicyRetired): TrackedRollout => ({
  ...state,
  stable: null,
  canary: null,
  pin: null,
  history: state.stable ? [...state.history, state.stable] : state.history,
  retired: { reason: data.reason, retiredBy: data.retiredBy, retiredAt: data.retiredAt, lastMajor: data.lastMajor, forced: data.forced },
});

/** At 100% the canary is the stable version and the one it replaces becomes a rollback target. */
const promoted = (state: TrackedRollout, { data }: RolloutPromoted): TrackedRollout => {
  if (!state.canary) return state;
  if (data.to === 100) {
    const history = state.stable ? [...state.history, state.stable] : state.history;
    return { ...state, stable: { version: data.version, digest: data.digest }, canary: null, history };
  }
  return { ...state, canary: { ...state.canary, percentage: data.to, stepStartedAt: data.promotedAt } };
};

/** The rolled-back version is archived; dropping a canary leaves the stable one, reverting restores history's last. */
const rolledBack = (state: TrackedRollout, { data }: BundleRolledBack): TrackedRollout => {
  const archived = [...state.archived, data.fromVersion];
  const rolledBackIncidents = data.incidentId !== undefined ? [...state.rolledBackIncidents, data.incidentId] : state.rolledBackIncidents;
  if (state.canary?.version === data.fromVersion) return { ...state, canary: null, archived, rolledBackIncidents };
  // A named rollback may go back past several versions: those newer than the target leave history too.
  const at = state.history.findIndex((h) => h.version === data.toVersion);
  const restored = at >= 0 ? state.history[at] ?? null : null;
  const history = at >= 0 ? state.history.slice(0, at) : state.history;
  return { ...state, stable: restored, history, archived, rolledBackIncidents };
};

const evolveTracked = (state: TrackedRollout, event: RolloutEvent): TrackedRollout => {
  const canary = state.canary;
  switch (event.type) {
    case 'RolloutStarted': return started(state, event);
    case 'RolloutPromoted': return promoted(state, event);
    case 'BundleRolledBack': return rolledBack(state, event);
    case 'RolloutPaused': return canary ? { ...state, canary: { ...canary, paused: true } } : state;
    case 'RolloutResumed':
      return canary ? { ...state, canary: { ...canary, paused: false, stepStartedAt: event.data.resumedAt } } : state;
    case 'VersionPinned': {
      const { version, digest, reason, pinnedBy } = event.data;
      return { ...state, pin: { version, digest, reason, pinnedBy } };
    }
    case 'VersionUnpinned': return { ...state, pin: null };
    case 'PolicyDisabled': {
      const { mode, reason, disabledBy } = event.data;
      return { ...state, killSwitch: { mode, reason, disabledBy, system: event.data.system === true } };
    }
    case 'PolicyEnabled': return { ...state, killSwitch: null };
    case 'PolicyRetired': return retired(state, event);
    default: return assertNever(event, 'rollout event');
  }
};

/** Folds one event of a `rollout-<policyId>` stream. Only RolloutStarted can begin a stream. */
export const evolveRollout = (state: RolloutState, event: RolloutEvent): RolloutState => {
  if (state.status === 'tracked') return evolveTracked(state, event);
  return event.type === 'RolloutStarted' ? started(state, event) : state;
};
