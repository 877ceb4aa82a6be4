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

/**
 * Where an imported version came from (`edict bundle import`): its identity in the source
 * environment and the approvals it had there (recorded, not counted here).
 */
export interface ImportProvenance {
  readonly environment: string;
  readonly version: string;
  readonly digest: string;
  readonly approvals: readonly { readonly subject: string; readonly role: string; readonly grantedAt: string }[];
  readonly exportedAt: string;
}

export type BundleDrafted = DomainEvent<'BundleDrafted', BundleContent & {
  readonly tier: Tier;
  readonly document: Readonly<Record<string, unknown>>;
  readonly author: string;
  readonly draftedAt: string;
  /** the YAML/JSON text it was drafted from, when drafted as text of at most MAX_KEPT_SOURCE_BYTES (findings then carry line and column) */
  readonly source?: string;
  /** set when the version was imported from another environment */
  readonly importedFrom?: ImportProvenance;
}>;

export type BundleDraftRevised = DomainEvent<'BundleDraftRevised', BundleContent & {
  readonly document: Readonly<Record<string, unknown>>;
  readonly author: string;
  readonly revisedAt: string;
  /** as on BundleDrafted */
  readonly source?: string;
}>;

/** Source text up to this size is kept with a draft, for located findings; larger drafts keep the document only. */
export const MAX_KEPT_SOURCE_BYTES = 256 * 1024;

export type BundleSubmitted = DomainEvent<'BundleSubmitted', BundleContent & {
  readonly submittedBy: string;
  readonly submittedAt: string;
}>;

export type BundleApprovalGranted = DomainEvent<'BundleApprovalGranted', BundleContent & {
  readonly approver: string;
  readonly role: string;
  readonly comment?: string;
  /** set when a security approver used the emergency path (runbook "Emergency Policy Changes") */
  readonly emergency?: true;
  /** why the emergency path was taken; present exactly when `emergency` is */
  readonly reason?: string;
  readonly grantedAt: string;
}>;

export type BundleApproved = DomainEvent<'BundleApproved', BundleContent & {
  readonly approvers: readonly { readonly subject: string; readonly role: string }[];
  /** approved alone on the emergency path: a follow-up review stays open until confirmed */
  readonly emergency?: true;
  readonly reason?: string;
  readonly approvedAt: string;
}>;

/** The follow-up review of an emergency approval, closed by a second, distinct approver. */
export type EmergencyApprovalConfirmed = DomainEvent<'EmergencyApprovalConfirmed', BundleContent & {
  readonly confirmedBy: string;
  readonly role: string;
  readonly comment?: string;
  readonly confirmedAt: string;
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
  | EmergencyApprovalConfirmed
  | BundleArchived;
