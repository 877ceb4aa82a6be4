import type { Tier } from '@edict/contracts';

export type VersionStatus = 'draft' | 'submitted' | 'approved' | 'archived';

export interface VersionState {
  readonly version: string;
  readonly status: VersionStatus;
  readonly digest: string;
  readonly author: string;
  /** approvals granted so far: subject → role */
  readonly approvals: readonly { readonly subject: string; readonly role: string }[];
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
