import type { Tier } from '@edict/contracts';

export type VersionStatus = 'draft' | 'submitted' | 'approved' | 'archived';

export interface VersionState {
  readonly version: string;
  readonly status: VersionStatus;
  readonly digest: string;
  /** who drafted the version */
  readonly author: string;
  /** authors of record: everyone who drafted or revised any revision; none of them may approve it */
  readonly authors: readonly string[];
  /** approvals granted so far: subject → role */
  readonly approvals: readonly { readonly subject: string; readonly role: string }[];
  /** set when the version was approved on the emergency path */
  readonly emergency?: EmergencyState;
}

/** An emergency approval and its follow-up review, open until a second approver confirms it. */
export interface EmergencyState {
  readonly approver: string;
  readonly reason: string;
  readonly approvedAt: string;
  readonly confirmation?: { readonly by: string; readonly role: string; readonly at: string; readonly comment?: string };
}

/** A policy's line of bundle versions (`bundle-<policyId>` stream). */
export type BundleLineState =
  | { readonly kind: 'empty' }
  | {
      readonly kind: 'active';
      readonly policyId: string;
      readonly tier: Tier;
      /** the highest version ever drafted: the next must follow it */
      readonly latest: string;
      readonly versions: Readonly<Record<string, VersionState>>;
    };

export const initialBundleLineState = (): BundleLineState => ({ kind: 'empty' });
