import type { KillSwitchMode, RolloutPercentage } from '@edict/contracts';

/** A version and the digest its signature covers: what a decision point loads. */
export interface ServedVersion {
  readonly version: string;
  readonly digest: string;
}

/** The version in canary: serves the cohorts below `percentage`. */
export interface Canary extends ServedVersion {
  readonly percentage: RolloutPercentage;
  /** when the current step began (or the canary was last resumed): the soak time counts from here */
  readonly stepStartedAt: string;
  readonly paused: boolean;
  /** the schedule's steps, the last 100 */
  readonly steps: readonly number[];
  /** the soak per step the bundle declares; null: the service's default */
  readonly soakSeconds: number | null;
  /** promoted by distribution itself once the gates pass and the soak elapsed */
  readonly autoPromote: boolean;
}

/** An operator's pin: every cohort gets this version until unpinned. */
export interface Pin extends ServedVersion {
  readonly reason: string;
  readonly pinnedBy: string;
}

/** The per-policy kill switch, when on. */
export interface KillSwitch {
  readonly mode: KillSwitchMode;
  readonly reason: string;
  readonly disabledBy: string;
  /** set by the system-wide kill switch */
  readonly system: boolean;
}

/** A retired policy: serves nothing; only a new major version above `lastMajor` rolls out again. */
export interface Retirement {
  readonly reason: string;
  readonly retiredBy: string;
  readonly retiredAt: string;
  readonly lastMajor: number | null;
  readonly forced: boolean;
}

/** A `rollout-<policyId>` stream that has seen at least one RolloutStarted. */
export interface TrackedRollout {
  readonly status: 'tracked';
  readonly policyId: string;
  /** serves every cohort outside the canary; null until a first canary reaches 100% */
  readonly stable: ServedVersion | null;
  readonly canary: Canary | null;
  /** versions that were stable before the current one, oldest first: the rollback targets */
  readonly history: readonly ServedVersion[];
  /** versions rolled back: they never serve again */
  readonly archived: readonly string[];
  readonly pin: Pin | null;
  readonly killSwitch: KillSwitch | null;
  /** incidents that already caused a rollback, so a repeated request is a no-op */
  readonly rolledBackIncidents: readonly string[];
  /** set by PolicyRetired, cleared by the next (new major) RolloutStarted */
  readonly retired?: Retirement;
}

/** State of a rollout stream: nothing yet, or a policy with versions. */
export type RolloutState = { readonly status: 'empty' } | TrackedRollout;

/** A stream with no events. */
export const initialRolloutState = (): RolloutState => ({ status: 'empty' });

/** Every version this stream has ever rolled out (stable, canary, history, archived). */
export const knownVersions = (state: TrackedRollout): readonly string[] => [
  ...(state.stable ? [state.stable.version] : []),
  ...(state.canary ? [state.canary.version] : []),
  ...state.history.map((h) => h.version),
  ...state.archived,
];

/** The versions some cohort gets now: the pin alone when pinned, else stable and canary. */
export const servingVersions = (state: TrackedRollout): readonly string[] =>
  state.pin
    ? [state.pin.version]
    : [...(state.stable ? [state.stable.version] : []), ...(state.canary ? [state.canary.version] : [])];
