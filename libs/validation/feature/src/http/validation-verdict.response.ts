import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BundleValidated, BundleValidationFailed } from '@edict/contracts';
import { ValidationProblemDto, ValidationReportDto } from '@edict/service-kit';

/** The verdict validation recorded: the BundleValidated or BundleValidationFailed event's data with its outcome. */
export type RecordedVerdict = { readonly outcome: 'validated' } & BundleValidated['data'] | { readonly outcome: 'failed' } & BundleValidationFailed['data'];

/** `GET /v1/validations/{policyId}/{version}`: `warnings` when validated, `problems` when failed. */
export class ValidationVerdictDto {
  @ApiProperty({ enum: ['validated', 'failed'] }) readonly outcome!: RecordedVerdict['outcome'];
  @ApiProperty() readonly policyId!: string;
  @ApiProperty() readonly version!: string;
  @ApiProperty({ description: 'sha256:<hex> of the judged document' }) readonly digest!: string;
  @ApiProperty({ type: [String], description: 'the checks that ran' }) readonly checks!: readonly string[];
  @ApiPropertyOptional({ type: [ValidationProblemDto], description: 'validated only' }) readonly warnings?: readonly ValidationProblemDto[];
  @ApiPropertyOptional({ type: [ValidationProblemDto], description: 'failed only' }) readonly problems?: readonly ValidationProblemDto[];
  @ApiPropertyOptional({ type: ValidationReportDto, description: 'absent on verdicts recorded before the full suite ran in the service' }) readonly report?: ValidationReportDto;
  @ApiProperty() readonly validatedAt!: string;
}

/** `POST /v1/validations:dry-run`: the same suite, nothing stored. */
export class DryRunVerdictDto {
  @ApiProperty() readonly policyId!: string;
  @ApiProperty() readonly version!: string;
  @ApiProperty({ enum: ['validated', 'failed'] }) readonly outcome!: 'validated' | 'failed';
  @ApiProperty({ type: ValidationReportDto }) readonly report!: ValidationReportDto;
}
