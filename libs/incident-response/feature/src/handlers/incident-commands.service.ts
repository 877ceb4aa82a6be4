import { Inject, Injectable } from '@nestjs/common';
import { StreamIds } from '@edict/contracts';
import { NotFoundError, type Clock } from '@edict/core';
import {
  incidentDecider, type AddEvidence, type ExistingIncident, type IncidentCommand, type OpenIncident, type RecordNotificationFailure, type RecordRollback,
} from '@edict/incident-response-domain';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@edict/event-store';
import { CLOCK, decideAndAppend, eventMetadata, loadState } from '@edict/messaging';
import { IncidentsRepository } from '../store/incidents.repository';

const SYSTEM = 'system:incident-response';

/** Incident use cases on `incident-<id>` streams; the list read model follows each change. */
@Injectable()
export class IncidentCommandsService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly incidents: IncidentsRepository,
  ) {}

  open(data: OpenIncident['data']): Promise<StoredEvent[]> {
    return this.run(data.incidentId, SYSTEM, { type: 'OpenIncident', data });
  }

  addEvidence(incidentId: string, data: AddEvidence['data']): Promise<StoredEvent[]> {
    return this.run(incidentId, SYSTEM, { type: 'AddEvidence', data });
  }

  recordRollback(incidentId: string, data: RecordRollback['data']): Promise<StoredEvent[]> {
    return this.run(incidentId, SYSTEM, { type: 'RecordRollback', data });
  }

  escalate(incidentId: string, reason: string): Promise<StoredEvent[]> {
    return this.run(incidentId, SYSTEM, { type: 'EscalateRollbackFailure', data: { reason, at: this.now() } });
  }

  recordNotificationFailure(incidentId: string, data: Omit<RecordNotificationFailure['data'], 'at'>): Promise<StoredEvent[]> {
    return this.run(incidentId, SYSTEM, { type: 'RecordNotificationFailure', data: { ...data, at: this.now() } });
  }

  async acknowledge(incidentId: string, by: string): Promise<ExistingIncident> {
    await this.run(incidentId, by, { type: 'AcknowledgeIncident', data: { by, at: this.now() } });
    return this.get(incidentId);
  }

  async resolve(incidentId: string, by: string, resolution: string): Promise<ExistingIncident> {
    await this.run(incidentId, by, { type: 'ResolveIncident', data: { by, resolution, at: this.now() } });
    return this.get(incidentId);
  }

  async get(incidentId: string): Promise<ExistingIncident> {
    const { state } = await loadState(this.store, StreamIds.incident(incidentId), incidentDecider);
    if (state.status === 'none') throw new NotFoundError('INCIDENT.NOT_FOUND', `no incident ${incidentId}`);
    return state;
  }

  /** The stream as stored (the timeline); NotFound when there is none. */
  async history(incidentId: string): Promise<StoredEvent[]> {
    const events = await this.store.readStream(StreamIds.incident(incidentId));
    if (events.length === 0) throw new NotFoundError('INCIDENT.NOT_FOUND', `no incident ${incidentId}`);
    return events;
  }

  private async run(incidentId: string, actor: string, command: IncidentCommand): Promise<StoredEvent[]> {
    const appended = await decideAndAppend(this.store, StreamIds.incident(incidentId), incidentDecider, command, { metadata: eventMetadata(actor) });
    const { state } = await loadState(this.store, StreamIds.incident(incidentId), incidentDecider);
    await this.incidents.upsert(state, this.now());
    return appended;
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
