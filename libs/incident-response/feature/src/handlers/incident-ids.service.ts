import { Inject, Injectable } from '@nestjs/common';
import { formatIncidentId, incidentSequenceDecider, incidentSequenceStream, incidentYear } from '@edict/incident-response-domain';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { decideAndAppend, eventMetadata, loadState } from '@edict/messaging';

/**
 * `INC-YYYY-NNNN` for a finding: the next number of the year's `incidentseq-<year>` stream, or
 * the one the finding already got. Two instances racing append at the same revision; the loser
 * re-decides on fresh state (decideAndAppend), so numbers are unique and gap-free.
 */
@Injectable()
export class IncidentIdsService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async idFor(findingKey: string, at: string): Promise<string> {
    const year = incidentYear(at);
    const stream = incidentSequenceStream(year);
    await decideAndAppend(this.store, stream, incidentSequenceDecider, { type: 'ReserveIncidentNumber', data: { year, key: findingKey } },
      { metadata: eventMetadata('system:incident-response'), maxAttempts: 20 });
    const { state } = await loadState(this.store, stream, incidentSequenceDecider);
    const number = state.numbers[findingKey];
    if (number === undefined) throw new Error(`incident number for ${findingKey} not found after reserving it`);
    return formatIncidentId(year, number);
  }
}
