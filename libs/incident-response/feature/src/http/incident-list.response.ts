import { ApiProperty } from '@nestjs/swagger';
import type { ExistingIncident } from '@edict/incident-response-domain';
import type { IncidentSeverity } from '@edict/contracts';
import type { IncidentListRow } from '../store/incident-list-row';

/** One row of `GET /v1/incidents` (the incident_list read model; times as ISO strings). */
export class IncidentListItemDto implements IncidentListRow {
  @ApiProperty() readonly incidentId!: string;
  @ApiProperty() readonly policyId!: string;
  @ApiProperty() readonly version!: string;
  @ApiProperty({ enum: ['low', 'medium', 'high', 'critical'] }) readonly severity!: IncidentSeverity;
  @ApiProperty({ enum: ['open', 'acknowledged', 'resolved'] }) readonly status!: ExistingIncident['status'];
  @ApiProperty() readonly trigger!: string;
  @ApiProperty() readonly rollbackRequested!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly openedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly rollbackRequestedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly rollbackCompletedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly escalatedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) readonly updatedAt!: Date;
}

export class IncidentListDto {
  @ApiProperty({ type: [IncidentListItemDto], description: 'most recently changed first, at most 500' }) readonly items!: readonly IncidentListItemDto[];
}
