import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BundleProblem } from '@edict/policy-engine';

/** A warning or note the fast checks found (errors refuse the draft with 422). */
export class BundleFindingDto implements BundleProblem {
  @ApiProperty() readonly code!: string;
  @ApiProperty() readonly message!: string;
  @ApiProperty({ enum: ['error', 'warning', 'info'] }) readonly severity!: BundleProblem['severity'];
  @ApiPropertyOptional() readonly path?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'when drafted as text' }) readonly line?: number;
  @ApiPropertyOptional({ type: 'integer' }) readonly column?: number;
  @ApiPropertyOptional() readonly filename?: string;
}

/** `POST /v1/bundles` and `PUT …/versions/{version}`: the draft as stored, with the findings of the fast checks. */
export class DraftAnswerDto {
  @ApiProperty() readonly policyId!: string;
  @ApiProperty() readonly version!: string;
  @ApiProperty({ description: 'sha256:<hex> of the canonical document' }) readonly digest!: string;
  @ApiProperty({ enum: ['draft'] }) readonly status!: 'draft';
  @ApiProperty({ type: [BundleFindingDto] }) readonly findings!: readonly BundleFindingDto[];
}
