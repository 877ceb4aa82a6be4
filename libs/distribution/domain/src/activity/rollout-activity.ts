import { assertNever } from '@edict/core';
import type { RolloutEvent } from '@edict/contracts';

/** One change to a rollout: what happened, when and by whom. */
export interface RolloutChange {
  readonly type: RolloutEvent['type'];
  readonly version: string | null;
  readonly at: string;
  readonly by: string;
}

/** Since when the stable and the canary versions serve, and the last change of the stream. */
export interface RolloutActivity {
  readonly stableSince: string | null;
  readonly canarySince: string | null;
  readonly lastChange: RolloutChange | null;
}

/** Each event's version, time and actor (the event names them differently per type). */
export const changeOf = (event: RolloutEvent): RolloutChange => {
  const { type } = event;
  switch (event.type) {
    case 'RolloutStarted': return { type, version: event.data.version, at: event.data.startedAt, by: event.data.startedBy };
    case 'RolloutPromoted': return { type, version: event.data.version, at: event.data.promotedAt, by: event.data.promotedBy };
    case 'BundleRolledBack': return { type, version: event.data.fromVersion, at: event.data.rolledBackAt, by: event.data.rolledBackBy };
    case 'RolloutPaused': return { type, version: event.data.version, at: event.data.pausedAt, by: event.data.pausedBy };
    case 'RolloutResumed': return { type, version: event.data.version, at: event.data.resumedAt, by: event.data.resumedBy };
    case 'VersionPinned': return { type, version: event.data.version, at: event.data.pinnedAt, by: event.data.pinnedBy };
    case 'VersionUnpinned': return { type, version: event.data.version, at: event.data.unpinnedAt, by: event.data.unpinnedBy };
    case 'PolicyDisabled': return { type, version: null, at: event.data.disabledAt, by: event.data.disabledBy };
    case 'PolicyEnabled': return { type, version: null, at: event.data.enabledAt, by: event.data.enabledBy };
    case 'PolicyRetired': return { type, version: event.data.lastVersion, at: event.data.retiredAt, by: event.data.retiredBy };
    default: return assertNever(event, 'rollout event');
  }
};

interface Fold extends RolloutActivity {
  readonly canaryVersion: string | null;
}

const step = (fold: Fold, event: RolloutEvent): Fold => {
  const lastChange = changeOf(event);
  if (event.type === 'RolloutStarted') return { ...fold, canaryVersion: event.data.version, canarySince: event.data.startedAt, lastChange };
  if (event.type === 'RolloutPromoted' && event.data.to === 100) return { stableSince: event.data.promotedAt, canaryVersion: null, canarySince: null, lastChange };
  if (event.type === 'BundleRolledBack') {
    // dropping a canary leaves the stable version serving as before; a revert puts another one in
    return event.data.fromVersion === fold.canaryVersion
      ? { ...fold, canaryVersion: null, canarySince: null, lastChange }
      : { ...fold, stableSince: event.data.toVersion ? event.data.rolledBackAt : null, lastChange };
  }
  if (event.type === 'PolicyRetired') return { stableSince: null, canaryVersion: null, canarySince: null, lastChange };
  return { ...fold, lastChange };
};

/** Folds a `rollout-<policyId>` stream into the times the runbook's "active bundles" view shows. */
export const rolloutActivity = (events: readonly RolloutEvent[]): RolloutActivity => {
  const { stableSince, canarySince, lastChange } = events.reduce(step, { stableSince: null, canarySince: null, lastChange: null, canaryVersion: null });
  return { stableSince, canarySince, lastChange };
};
