import { assertNever, type Decider } from '@edict/core';
import type { IncidentEvent } from '@edict/contracts';
import type { IncidentCommand } from './incident.commands';
import { decideAcknowledge, decideResolve } from './incident-lifecycle.decide';
import { decideAddEvidence, decideEscalate, decideNotificationFailure, decideRecordRollback } from './incident-outcome.decide';
import { evolveIncident } from './incident.evolve';
import { initialIncidentState, type IncidentState } from './incident.state';
import { decideOpen } from './open-incident.decide';

const decide = (command: IncidentCommand, state: IncidentState): readonly IncidentEvent[] => {
  switch (command.type) {
    case 'OpenIncident': return decideOpen(command, state);
    case 'AddEvidence': return decideAddEvidence(command, state);
    case 'RecordRollback': return decideRecordRollback(command, state);
    case 'EscalateRollbackFailure': return decideEscalate(command, state);
    case 'RecordNotificationFailure': return decideNotificationFailure(command, state);
    case 'AcknowledgeIncident': return decideAcknowledge(command, state);
    case 'ResolveIncident': return decideResolve(command, state);
    default: return assertNever(command, 'incident command');
  }
};

/** The aggregate of an `incident-<id>` stream: open (and request a rollback), evidence, rollback outcome, acknowledge, resolve. */
export const incidentDecider: Decider<IncidentCommand, IncidentEvent, IncidentState> = {
  decide,
  evolve: evolveIncident,
  initialState: initialIncidentState,
};
