/** How one agent stands on one policy in the fleet view. */
export type FleetPolicyState = 'current' | 'wrong-revision' | 'error' | 'stale' | 'pending';

/** One policy on one agent: what it runs (its last status report), what it should run, and its last activation. */
export interface FleetPolicy {
  readonly policyId: string;
  /** `active_revision` from the agent's last status report; null before it activated one */
  readonly activeRevision: string | null;
  /** what distribution would serve this agent now (kill switch, pin, canary by cohort, stable) */
  readonly expectedRevision: string | null;
  /** what distribution last answered this agent's bundle request with */
  readonly servedRevision: string | null;
  readonly lastActivation: string | null;
  readonly lastDownload: string | null;
  /** the agent's error for this bundle (e.g. `bundle_error` with a refused signature), or null */
  readonly code: string | null;
  readonly message: string | null;
  readonly errors: readonly unknown[];
  readonly state: FleetPolicyState;
  /** Edict PDPs only (they hold a canary beside the stable version and pick by subject): the canary the PDP holds */
  readonly activeCanary?: FleetCanary | null;
  /** Edict PDPs only: the canary distribution serves now */
  readonly expectedCanary?: FleetCanary | null;
}

/** A canary version and the cohorts (below `percentage`) that get it. */
export interface FleetCanary {
  readonly version: string;
  readonly percentage: number;
}

/** `GET /v1/fleet`: one entry per agent (OPA agents from their status reports and bundle requests, Edict PDPs from theirs). */
export interface FleetAgent {
  readonly id: string;
  readonly kind: 'opa' | 'pdp';
  readonly labels: Readonly<Record<string, string>>;
  readonly policies: readonly FleetPolicy[];
  readonly lastSeen: string;
  readonly lastStatus: string | null;
  readonly stale: boolean;
}

export interface FleetView {
  readonly staleAfterSeconds: number;
  readonly agents: readonly FleetAgent[];
}

/**
 * `POST /v1/fleet/pdps`: an Edict PDP's periodic report of what it holds. Per policy, `revision`
 * is what it serves every subject outside the canary (`kill-switch-<mode>`, the pinned version, or
 * stable; null with nothing), `canary` the canary it holds (null when killed or pinned).
 */
export interface PdpFleetReport {
  readonly labels: Readonly<Record<string, string>>;
  readonly policies: readonly { readonly policyId: string; readonly revision: string | null; readonly canary: FleetCanary | null }[];
}
