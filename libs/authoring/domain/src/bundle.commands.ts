import type { PolicyRetirement } from './retirement-of';
import type { Role, Tier } from '@edict/contracts';

/** Who is acting, as the edge authenticated them. */
export interface Actor {
  readonly subject: string;
  readonly roles: readonly Role[];
  /** teams the actor leads or belongs to (the token's `teams`): a team lead approves only their team's policies */
  readonly teams?: readonly string[];
}

export type DraftBundle = {
  readonly type: 'DraftBundle';
  readonly data: {
    readonly policyId: string;
    readonly tier: Tier;
    readonly version: string;
    readonly document: Readonly<Record<string, unknown>>;
    readonly digest: string;
    /** the text drafted from, kept with the event (see MAX_KEPT_SOURCE_BYTES) */
    readonly source?: string;
    readonly by: Actor;
    readonly at: string;
    /** set when distribution retired the policy (retirementOf its rollout stream): only a new major drafts */
    readonly retirement?: PolicyRetirement;
  };
};

export type ReviseDraft = {
  readonly type: 'ReviseDraft';
  readonly data: {
    readonly version: string;
    readonly document: Readonly<Record<string, unknown>>;
    readonly digest: string;
    /** the text drafted from, kept with the event (see MAX_KEPT_SOURCE_BYTES) */
    readonly source?: string;
    readonly by: Actor;
    readonly at: string;
  };
};

export type SubmitBundle = {
  readonly type: 'SubmitBundle';
  readonly data: { readonly version: string; readonly by: Actor; readonly at: string };
};

/** `validation` is what validation recorded for this version's digest (read from its stream). */
export type ApproveBundle = {
  readonly type: 'ApproveBundle';
  readonly data: {
    readonly version: string;
    readonly by: Actor;
    readonly comment?: string;
    readonly validation: 'validated' | 'failed' | 'pending';
    /** the emergency path: a security approver approves alone, with a reason */
    readonly emergency?: { readonly reason: string };
    readonly at: string;
  };
};

/** Closes the follow-up review of an emergency approval. */
export type ConfirmEmergencyApproval = {
  readonly type: 'ConfirmEmergencyApproval';
  readonly data: { readonly version: string; readonly by: Actor; readonly comment?: string; readonly at: string };
};

export type ArchiveBundle = {
  readonly type: 'ArchiveBundle';
  readonly data: {
    readonly version: string;
    readonly reason: 'superseded' | 'rolled_back' | 'withdrawn';
    readonly at: string;
  };
};

export type BundleCommand = DraftBundle | ReviseDraft | SubmitBundle | ApproveBundle | ConfirmEmergencyApproval | ArchiveBundle;
