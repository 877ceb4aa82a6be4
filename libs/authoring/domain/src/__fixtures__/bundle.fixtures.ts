import type {
  BundleApprovalGranted, BundleApproved, BundleArchived, BundleDrafted, BundleDraftRevised, BundleSubmitted, EmergencyApprovalConfirmed, Role, Tier,
} from '@edict/contracts';
import type { Actor, ApproveBundle, ArchiveBundle, ConfirmEmergencyApproval, DraftBundle, ReviseDraft, SubmitBundle } from '../bundle.commands';

/** Test data for the bundle-line specs: builders with readable defaults, one policy per tier. */
export const POLICY: Readonly<Record<Tier, string>> = { org: 'org/baseline', team: 'teams/alpha/network', project: 'projects/alpha/web/deploy' };
export const AT = '2025-03-01T10:00:00.000Z';

/** A well-formed digest per version and revision, so that each document has its own. */
export const digestOf = (version: string, revision = 0): string => `sha256:${`${version.replace(/\D/g, '')}${revision}`.padEnd(64, 'a')}`;
export const documentOf = (version: string, revision = 0): Record<string, unknown> => ({ metadata: { version }, revision });

export const actor = (subject: string, ...roles: Role[]): Actor => ({ subject, roles });
export const people = {
  alice: actor('alice', 'author', 'security'),
  tom: actor('tom', 'author'),
  bob: actor('bob', 'security'),
  carol: actor('carol', 'platform'),
  dan: { ...actor('dan', 'team-lead'), teams: ['alpha'] },
  /** a team lead of another team */
  eve: { ...actor('eve', 'team-lead'), teams: ['beta'] },
  /** a team lead whose token names no team */
  lee: actor('lee', 'team-lead'),
  rita: actor('rita', 'reviewer'),
  both: actor('bea', 'security', 'platform'),
  root: actor('root', 'admin'),
} as const;

export const draft = (version: string, by: Actor = people.alice, tier: Tier = 'org'): DraftBundle => ({
  type: 'DraftBundle',
  data: { policyId: POLICY[tier], tier, version, document: documentOf(version), digest: digestOf(version), by, at: AT },
});

export const drafted = (version: string, author = 'alice', tier: Tier = 'org'): BundleDrafted => ({
  type: 'BundleDrafted',
  data: { policyId: POLICY[tier], tier, version, digest: digestOf(version), document: documentOf(version), author, draftedAt: AT },
});

export const revise = (version: string, revision: number, by: Actor = people.alice): ReviseDraft => ({
  type: 'ReviseDraft',
  data: { version, document: documentOf(version, revision), digest: digestOf(version, revision), by, at: AT },
});

export const revised = (version: string, revision: number, author = 'alice', tier: Tier = 'org'): BundleDraftRevised => ({
  type: 'BundleDraftRevised',
  data: { policyId: POLICY[tier], version, digest: digestOf(version, revision), document: documentOf(version, revision), author, revisedAt: AT },
});

export const submit = (version: string, by: Actor = people.alice): SubmitBundle => ({ type: 'SubmitBundle', data: { version, by, at: AT } });

export const submitted = (version: string, by = 'alice', tier: Tier = 'org', revision = 0): BundleSubmitted => ({
  type: 'BundleSubmitted',
  data: { policyId: POLICY[tier], version, digest: digestOf(version, revision), submittedBy: by, submittedAt: AT },
});

export const approve = (version: string, by: Actor, validation: ApproveBundle['data']['validation'] = 'validated', comment?: string): ApproveBundle => ({
  type: 'ApproveBundle',
  data: { version, by, validation, at: AT, ...(comment === undefined ? {} : { comment }) },
});

export const granted = (version: string, approver: string, role: Role, tier: Tier = 'org', comment?: string): BundleApprovalGranted => ({
  type: 'BundleApprovalGranted',
  data: { policyId: POLICY[tier], version, digest: digestOf(version), approver, role, grantedAt: AT, ...(comment === undefined ? {} : { comment }) },
});

export const approved = (version: string, approvers: { subject: string; role: Role }[], tier: Tier = 'org'): BundleApproved => ({
  type: 'BundleApproved',
  data: { policyId: POLICY[tier], version, digest: digestOf(version), approvers, approvedAt: AT },
});

export const archive = (version: string, reason: ArchiveBundle['data']['reason'] = 'superseded'): ArchiveBundle => ({
  type: 'ArchiveBundle',
  data: { version, reason, at: AT },
});

export const archived = (version: string, reason: BundleArchived['data']['reason'] = 'superseded', tier: Tier = 'org'): BundleArchived => ({
  type: 'BundleArchived',
  data: { policyId: POLICY[tier], version, digest: digestOf(version), reason, archivedAt: AT },
});

export const approveInEmergency = (version: string, by: Actor, reason: string, validation: ApproveBundle['data']['validation'] = 'validated'): ApproveBundle => ({
  type: 'ApproveBundle',
  data: { version, by, validation, emergency: { reason }, at: AT },
});

/** The two events of an emergency approval by `approver` (security), after `before` approvals. */
export const emergencyApproved = (version: string, approver: string, reason: string, before: { subject: string; role: Role }[] = [], tier: Tier = 'org'): [BundleApprovalGranted, BundleApproved] => [
  { type: 'BundleApprovalGranted', data: { policyId: POLICY[tier], version, digest: digestOf(version), approver, role: 'security', emergency: true, reason, grantedAt: AT } },
  { type: 'BundleApproved', data: { policyId: POLICY[tier], version, digest: digestOf(version), approvers: [...before, { subject: approver, role: 'security' }], emergency: true, reason, approvedAt: AT } },
];

export const confirmEmergency = (version: string, by: Actor, comment?: string): ConfirmEmergencyApproval => ({
  type: 'ConfirmEmergencyApproval',
  data: { version, by, at: AT, ...(comment === undefined ? {} : { comment }) },
});

export const emergencyConfirmed = (version: string, by: string, role: Role, tier: Tier = 'org', comment?: string): EmergencyApprovalConfirmed => ({
  type: 'EmergencyApprovalConfirmed',
  data: { policyId: POLICY[tier], version, digest: digestOf(version), confirmedBy: by, role, confirmedAt: AT, ...(comment === undefined ? {} : { comment }) },
});
