import { Inject, Injectable } from '@nestjs/common';
import { StreamIds } from '@edict/contracts';
import { NotFoundError, type Clock } from '@edict/core';
import { incidentDecider, type IncidentCommand, type IncidentState, type OpenIncident } from '@edict/incident-response-domain';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK, decideAndAppend, eventMetadata, loadState } from '@edict/messaging';
import { IncidentsRepository } from '../store/incidents.repository';

/** Incident use cases on `incident-<id>` streams; the list read model follows each change. */
@Injectable()
export class IncidentCommandsService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly incidents: IncidentsRepository,
  ) {}

  open(data: OpenIncident['data']): Promise<IncidentState> {
    return this.run(data.incidentId, 'system:incident-response', { type: 'OpenIncident', data });
  }

  acknowledge(incidentId: string, by: string): Promise<IncidentState> {
    return this.run(incidentId, by, { type: 'AcknowledgeIncident', data: { by, at: this.clock.now().toISOString() } });
  }

  resolve(incidentId: string, by: string, resolution: string): Promise<IncidentState> {
    return this.run(incidentId, by, { type: 'ResolveIncident', data: { by, resolution, at: this.clock.now().toISOString() } });
  }

  async get(incidentId: string): Promise<IncidentState> {
    const { state } = await loadState(this.store, StreamIds.incident(incidentId), incidentDecider);
    if (state.status === 'none') throw new NotFoundError('INCIDENT.NOT_FOUND', `no incident ${incidentId}`);
    return state;
  }

  private async run(incidentId: string, actor: string, command: IncidentCommand): Promise<IncidentState> {
    await decideAndAppend(this.store, StreamIds.incident(incidentId), incidentDecider, command, { metadata: eventMetadata(actor) });
    const state = await this.get(incidentId);
    await this.incidents.upsert(state, this.clock.now().toISOString());
    return state;
  }
}
