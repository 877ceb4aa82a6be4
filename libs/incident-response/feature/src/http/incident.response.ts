import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ExistingIncident, IncidentFacts, IncidentTimeline, RollbackProgress, TimelineEntry } from '@edict/incident-response-domain';
import type { IncidentSeverity } from '@edict/contracts';

const SEVERITIES: IncidentSeverity[] = ['low', 'medium', 'high', 'critical'];
const STATUSES: ExistingIncident['status'][] = ['open', 'acknowledged', 'resolved'];
const nullableString = { type: String, nullable: true } as const;
const nullableInteger = { type: 'integer', nullable: true } as const;

export class RollbackProgressDto implements RollbackProgress {
  @ApiProperty(nullableString) readonly requestedAt!: string | null;
  @ApiProperty(nullableString) readonly completedAt!: string | null;
  @ApiProperty(nullableString) readonly toVersion!: string | null;
  @ApiProperty(nullableString) readonly escalatedAt!: string | null;
}

/** An incident's state (what acknowledge and resolve answer): its facts, status and who moved it. */
export class IncidentDto implements IncidentFacts {
  @ApiProperty({ example: 'INC-2026-0001' }) readonly incidentId!: string;
  @ApiProperty() readonly policyId!: string;
  @ApiProperty() readonly version!: string;
  @ApiProperty({ description: 'what opened it: a trigger kind, budget, or manual-rollback' }) readonly trigger!: string;
  @ApiProperty({ enum: SEVERITIES }) readonly severity!: IncidentSeverity;
  @ApiProperty() readonly rollbackRequested!: boolean;
  @ApiProperty() readonly openedAt!: string;
  @ApiProperty({ type: Number, nullable: true }) readonly canaryShare!: number | null;
  @ApiProperty({ type: RollbackProgressDto }) readonly rollback!: RollbackProgressDto;
  @ApiProperty({ type: [String], description: '`<windowStart>|<revision>|<trigger>` of every window counted' }) readonly evidenceKeys!: readonly string[];
  @ApiProperty({ type: 'integer' }) readonly decisionsAffected!: number;
  @ApiProperty({ enum: STATUSES }) readonly status!: ExistingIncident['status'];
  @ApiPropertyOptional({ ...nullableString, description: 'acknowledged and resolved incidents (null: resolved without an acknowledgement)' }) readonly acknowledgedBy?: string | null;
  @ApiPropertyOptional({ description: 'resolved incidents' }) readonly resolvedBy?: string;
  @ApiPropertyOptional({ description: 'resolved incidents' }) readonly resolution?: string;
}

export class TimelineEntryDto implements TimelineEntry {
  @ApiProperty() readonly at!: string;
  @ApiProperty({ example: 'IncidentOpened' }) readonly event!: string;
  @ApiProperty() readonly what!: string;
  @ApiPropertyOptional() readonly by?: string;
}

export class IncidentTimelineDto implements IncidentTimeline {
  @ApiProperty({ type: [TimelineEntryDto] }) readonly entries!: readonly TimelineEntryDto[];
  @ApiProperty(nullableString) readonly openedAt!: string | null;
  @ApiProperty(nullableString) readonly rollbackRequestedAt!: string | null;
  @ApiProperty(nullableString) readonly rolledBackAt!: string | null;
  @ApiProperty(nullableString) readonly acknowledgedAt!: string | null;
  @ApiProperty(nullableString) readonly resolvedAt!: string | null;
  @ApiProperty({ ...nullableInteger, description: 'opened → resolved (MTTR)' }) readonly mttrMs!: number | null;
  @ApiProperty(nullableInteger) readonly timeToRollbackMs!: number | null;
  @ApiProperty(nullableInteger) readonly timeToAcknowledgeMs!: number | null;
  @ApiProperty(nullableString) readonly fromVersion!: string | null;
  @ApiProperty(nullableString) readonly toVersion!: string | null;
}

export class IncidentImpactDto {
  @ApiProperty({ type: 'integer' }) readonly decisionsAffected!: number;
  @ApiProperty({ type: Number, nullable: true }) readonly canaryShare!: number | null;
}

/** `GET /v1/incidents/{id}`: the incident with its timeline and impact. */
export class IncidentViewDto extends IncidentDto {
  @ApiProperty({ type: IncidentTimelineDto }) readonly timeline!: IncidentTimelineDto;
  @ApiProperty({ type: IncidentImpactDto }) readonly impact!: IncidentImpactDto;
}
