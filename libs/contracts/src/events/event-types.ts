import type { AuditEvent } from './audit-events';
import type { BundleEvent } from './bundle-events';
import type { DecisionLogged, DecisionWindowClosed } from './decision-events';
import type { ExceptionEvent } from './exception-events';
import type { IncidentEvent } from './incident-events';
import type { RolloutEvent } from './rollout-events';
import type { KeyringEvent, SignatureEvent } from './signing-events';
import type { ValidationEvent } from './validation-events';

/** Every event Edict stores or publishes. */
export type EdictEvent =
  | BundleEvent
  | ValidationEvent
  | SignatureEvent
  | KeyringEvent
  | RolloutEvent
  | IncidentEvent
  | DecisionLogged
  | DecisionWindowClosed
  | AuditEvent
  | ExceptionEvent;

export type EdictEventType = EdictEvent['type'];

/** CloudEvents `type` of each event: `io.edict.<aggregate>.<event>.v1` (docs/asyncapi.yaml). */
export const cloudEventTypes: Readonly<Record<EdictEventType, string>> = {
  BundleDrafted: 'io.edict.bundle.drafted.v1',
  BundleDraftRevised: 'io.edict.bundle.draft-revised.v1',
  BundleSubmitted: 'io.edict.bundle.submitted.v1',
  BundleApprovalGranted: 'io.edict.bundle.approval-granted.v1',
  BundleApproved: 'io.edict.bundle.approved.v1',
  EmergencyApprovalConfirmed: 'io.edict.bundle.emergency-approval-confirmed.v1',
  BundleArchived: 'io.edict.bundle.archived.v1',
  BundleValidated: 'io.edict.bundle.validated.v1',
  BundleValidationFailed: 'io.edict.bundle.validation-failed.v1',
  BundleSigned: 'io.edict.bundle.signed.v1',
  SigningKeyRegistered: 'io.edict.keyring.key-registered.v1',
  SigningKeyRetired: 'io.edict.keyring.key-retired.v1',
  RolloutStarted: 'io.edict.rollout.started.v1',
  RolloutPromoted: 'io.edict.rollout.promoted.v1',
  BundleRolledBack: 'io.edict.rollout.rolled-back.v1',
  RolloutPaused: 'io.edict.rollout.paused.v1',
  RolloutResumed: 'io.edict.rollout.resumed.v1',
  VersionPinned: 'io.edict.rollout.version-pinned.v1',
  VersionUnpinned: 'io.edict.rollout.version-unpinned.v1',
  PolicyDisabled: 'io.edict.rollout.policy-disabled.v1',
  PolicyEnabled: 'io.edict.rollout.policy-enabled.v1',
  PolicyRetired: 'io.edict.rollout.policy-retired.v1',
  IncidentOpened: 'io.edict.incident.opened.v1',
  RollbackRequested: 'io.edict.incident.rollback-requested.v1',
  IncidentAcknowledged: 'io.edict.incident.acknowledged.v1',
  IncidentResolved: 'io.edict.incident.resolved.v1',
  IncidentEvidenceAdded: 'io.edict.incident.evidence-added.v1',
  IncidentRollbackCompleted: 'io.edict.incident.rollback-completed.v1',
  IncidentEscalated: 'io.edict.incident.escalated.v1',
  IncidentNotificationFailed: 'io.edict.incident.notification-failed.v1',
  DecisionLogged: 'io.edict.decision.logged.v1',
  DecisionWindowClosed: 'io.edict.decision-window.closed.v1',
  AuditCheckpointSigned: 'io.edict.audit.checkpoint-signed.v1',
  AuditChainBroken: 'io.edict.audit.chain-broken.v1',
  ExceptionRequested: 'io.edict.exception.requested.v1',
  ExceptionApproved: 'io.edict.exception.approved.v1',
  ExceptionRevoked: 'io.edict.exception.revoked.v1',
  ExceptionExpired: 'io.edict.exception.expired.v1',
};

const byCloudEventType = new Map(Object.entries(cloudEventTypes).map(([k, v]) => [v, k as EdictEventType]));

/** The event type behind a CloudEvents type, or undefined for types this version does not know. */
export const eventTypeOfCloudEvent = (ceType: string): EdictEventType | undefined => byCloudEventType.get(ceType);
