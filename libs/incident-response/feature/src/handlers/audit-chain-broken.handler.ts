import { Injectable } from '@nestjs/common';
import type { AuditChainBroken } from '@edict/contracts';
import { findingKey, type Trigger } from '@edict/incident-response-domain';
import { IncidentCommandsService } from './incident-commands.service';
import { IncidentIdsService } from './incident-ids.service';

/**
 * AuditChainBroken on edict.audit.v1 (signing's audit anchor found the log edited, forged,
 * reordered or cut): a CRITICAL incident about the whole system (policy and version `*`), to
 * investigate; nothing is rolled back, since no version is to blame. Once per break: a redelivery
 * finds the same incident id.
 */
@Injectable()
export class AuditChainBrokenHandler {
  constructor(private readonly commands: IncidentCommandsService, private readonly ids: IncidentIdsService) {}

  async handle(broken: AuditChainBroken['data']): Promise<void> {
    const incidentId = await this.ids.idFor(findingKey('*', '*', `audit_chain:${broken.kind}:${broken.position}`, broken.detectedAt), broken.detectedAt);
    const trigger: Trigger = {
      kind: 'audit_chain', observed: broken.position, threshold: 0, action: 'investigate', sampleSize: 0, canary: false, severity: 'critical',
      summary: `audit chain broken at position ${broken.position} (${broken.kind}, ${broken.code}): ${broken.reason}`,
    };
    await this.commands.open({ incidentId, policyId: '*', version: '*', trigger, severity: 'critical', at: broken.detectedAt, requestRollback: false });
  }
}
