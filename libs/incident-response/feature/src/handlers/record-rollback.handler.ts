import { Injectable } from '@nestjs/common';
import type { BundleRolledBack } from '@edict/contracts';
import { findingKey, type Trigger } from '@edict/incident-response-domain';
import { IncidentCommandsService } from './incident-commands.service';
import { IncidentIdsService } from './incident-ids.service';
import { IncidentsRepository } from '../store/incidents.repository';

type RolledBack = BundleRolledBack['data'];

/**
 * BundleRolledBack on edict.rollouts.v1: the incident that asked for it (its `incidentId`), or
 * every incident awaiting a rollback of that version (a human rolled it back by hand), records
 * the completion. A manual rollback with `createIncident` opens its own incident, already rolled back.
 */
@Injectable()
export class RecordRollbackHandler {
  constructor(
    private readonly incidents: IncidentsRepository,
    private readonly commands: IncidentCommandsService,
    private readonly ids: IncidentIdsService,
  ) {}

  async handle(event: RolledBack): Promise<void> {
    const outcome = { fromVersion: event.fromVersion, toVersion: event.toVersion, by: event.rolledBackBy, automatic: event.automatic, at: event.rolledBackAt };
    const waiting = await this.incidents.awaitingRollback(event.policyId, event.fromVersion);
    const targets = new Set(event.incidentId ? [event.incidentId, ...waiting] : waiting);
    if (event.createIncident === true && !event.incidentId) targets.add(await this.openManual(event));
    for (const incidentId of targets) {
      if (event.incidentId === incidentId && (await this.exists(incidentId)) === false) continue;
      await this.commands.recordRollback(incidentId, outcome);
    }
  }

  private async openManual(event: RolledBack): Promise<string> {
    const incidentId = await this.ids.idFor(findingKey(event.policyId, event.fromVersion, 'manual', event.rolledBackAt), event.rolledBackAt);
    const trigger: Trigger = {
      kind: 'manual', observed: 0, threshold: 0, action: 'rollback', sampleSize: 0, canary: false, severity: 'high',
      summary: `${event.policyId}@${event.fromVersion}: rolled back by ${event.rolledBackBy}: ${event.reason}`,
    };
    await this.commands.open({ incidentId, policyId: event.policyId, version: event.fromVersion, trigger, severity: 'high', at: event.rolledBackAt, requestRollback: false });
    return incidentId;
  }

  private async exists(incidentId: string): Promise<boolean> {
    return this.commands.history(incidentId).then(() => true, () => false);
  }
}
