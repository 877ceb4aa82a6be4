import { ApiProperty } from '@nestjs/swagger';
import type { ImportProvenance } from '@edict/contracts';
import type { ImportAnswer } from './import-bundle.handler';

export class ImportedApprovalDto {
  @ApiProperty() readonly subject!: string;
  @ApiProperty() readonly role!: string;
  @ApiProperty() readonly grantedAt!: string;
}

/** Where the version came from: its identity and approvals in the source environment (recorded, not counted here). */
export class ImportProvenanceDto implements ImportProvenance {
  @ApiProperty() readonly environment!: string;
  @ApiProperty() readonly version!: string;
  @ApiProperty() readonly digest!: string;
  @ApiProperty({ type: [ImportedApprovalDto] }) readonly approvals!: readonly ImportedApprovalDto[];
  @ApiProperty() readonly exportedAt!: string;
}

/** `POST /v1/bundles:import`: the draft made here. */
export class ImportAnswerDto implements ImportAnswer {
  @ApiProperty() readonly policyId!: string;
  @ApiProperty() readonly version!: string;
  @ApiProperty() readonly digest!: string;
  @ApiProperty({ enum: ['draft'] }) readonly status!: 'draft';
  @ApiProperty({ type: ImportProvenanceDto }) readonly importedFrom!: ImportProvenanceDto;
}
