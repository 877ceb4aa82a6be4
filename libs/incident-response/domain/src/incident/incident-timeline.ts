import type { IncidentEvent } from '@edict/contracts';

/** A stored incident event: what happened and when the store recorded it. */
export type RecordedIncidentEvent = IncidentEvent & { readonly recordedAt: string };

export interface TimelineEntry {
  readonly at: string;
  readonly event: string;
  readonly what: string;
  readonly by?: string;
}

/** Every event of the incident, in order, with the time it says it happened and a line about it. */
export interface IncidentTimeline {
  readonly entries: readonly TimelineEntry[];
  readonly openedAt: string | null;
  readonly rollbackRequestedAt: string | null;
  readonly rolledBackAt: string | null;
  readonly acknowledgedAt: string | null;
  readonly resolvedAt: string | null;
  /** opened → resolved, the runbook's MTTR; null until resolved */
  readonly mttrMs: number | null;
  /** opened → rolled back */
  readonly timeToRollbackMs: number | null;
  /** opened → acknowledged (the runbook asks for 15 minutes) */
  readonly timeToAcknowledgeMs: number | null;
  readonly fromVersion: string | null;
  readonly toVersion: string | null;
}

const entryOf = (e: RecordedIncidentEvent): TimelineEntry => {
  switch (e.type) {
    case 'IncidentOpened': return { at: e.data.openedAt, event: e.type, what: `opened (${e.data.severity}): ${e.data.summary}` };
    case 'RollbackRequested': return { at: e.data.requestedAt, event: e.type, what: `rollback of ${e.data.version} requested` };
    case 'IncidentEvidenceAdded': return { at: e.data.addedAt, event: e.type, what: `evidence: ${e.data.summary}` };
    case 'IncidentRollbackCompleted':
      return { at: e.data.rolledBackAt, event: e.type, what: `rolled back ${e.data.fromVersion} → ${e.data.toVersion ?? 'nothing'}`, by: e.data.rolledBackBy };
    case 'IncidentEscalated': return { at: e.data.escalatedAt, event: e.type, what: `escalated ${e.data.fromSeverity} → ${e.data.severity}: ${e.data.reason}` };
    case 'IncidentNotificationFailed': return { at: e.data.failedAt, event: e.type, what: `notification to ${e.data.webhook} failed ${e.data.attempts} times: ${e.data.lastError}` };
    case 'IncidentAcknowledged': return { at: e.data.acknowledgedAt, event: e.type, what: 'acknowledged', by: e.data.acknowledgedBy };
    case 'IncidentResolved': return { at: e.data.resolvedAt, event: e.type, what: `resolved: ${e.data.resolution}`, by: e.data.resolvedBy };
  }
};

const first = <T extends RecordedIncidentEvent['type']>(events: readonly RecordedIncidentEvent[], type: T): Extract<RecordedIncidentEvent, { type: T }> | undefined =>
  events.find((e): e is Extract<RecordedIncidentEvent, { type: T }> => e.type === type);

const between = (from: string | null, to: string | null): number | null => (from && to ? Date.parse(to) - Date.parse(from) : null);

export const incidentTimeline = (events: readonly RecordedIncidentEvent[]): IncidentTimeline => {
  const openedAt = first(events, 'IncidentOpened')?.data.openedAt ?? null;
  const rolledBack = first(events, 'IncidentRollbackCompleted');
  const rolledBackAt = rolledBack?.data.rolledBackAt ?? null;
  const acknowledgedAt = first(events, 'IncidentAcknowledged')?.data.acknowledgedAt ?? null;
  const resolvedAt = first(events, 'IncidentResolved')?.data.resolvedAt ?? null;
  return {
    entries: events.map(entryOf),
    openedAt,
    rollbackRequestedAt: first(events, 'RollbackRequested')?.data.requestedAt ?? null,
    rolledBackAt, acknowledgedAt, resolvedAt,
    mttrMs: between(openedAt, resolvedAt),
    timeToRollbackMs: between(openedAt, rolledBackAt),
    timeToAcknowledgeMs: between(openedAt, acknowledgedAt),
    fromVersion: rolledBack?.data.fromVersion ?? first(events, 'IncidentOpened')?.data.version ?? null,
    toVersion: rolledBack?.data.toVersion ?? null,
  };
};
