import type { DomainEvent } from '@edict/core';

/** Tier of a policy, from its id: `org/<name>`, `teams/<team>/<name>`, `projects/<team>/<project>/<name>`. */
export type Tier = 'org' | 'team' | 'project';

/** A version's document as authored (the PolicyBundle YAML/JSON, parsed) and its digest. */
export interface BundleContent {
  readonly policyId: string;
  readonly version: string;
  /** `sha256:<hex>` of the document's RFC 8785 canonical JSON */
  readonly digest: string;
}

export type BundleDrafted = DomainEvent<'BundleDrafted', BundleContent & {
  readonly tier: Tier;
  readonly document: Readonly<Record<string, unknown>>;
  readonly author: string;
  readonly draftedAt: string;
}>;

export type BundleDraftRevised = DomainEvent<'BundleDraftRevised', BundleContent & {
  readonly document: Readonly<Record<string, unknown>>;
  readonly author: string;
  readonly revisedAt: string;
}>;

export type BundleSubmitted = DomainEvent<'BundleSubmitted', BundleContent & {
  readonly submittedBy: string;
  readonly submittedAt: string;
}>;

export type BundleApprovalGranted = DomainEvent<'BundleApprovalGranted', BundleContent & {
  readonly approver: string;
  readonly role: string;
  readonly comment?: string;
  readonly grantedAt: string;
}>;

export type BundleApproved = DomainEvent<'BundleApproved', BundleContent & {
  readonly approvers: readonly { readonly subject: string; readonly role: string }[];
  readonly approvedAt: string;
}>;

export type BundleArchived = DomainEvent<'BundleArchived', BundleContent & {
  readonly reason: 'superseded' | 'rolled_back' | 'withdrawn';
  readonly archivedAt: string;
}>;

/** Events of a `bundle-<policyId>` stream, written by authoring. */
export type BundleEvent =
  | BundleDrafted
  | BundleDraftRevised
  | BundleSubmitted
  | BundleApprovalGranted
  | BundleApproved
  | BundleArchived;
