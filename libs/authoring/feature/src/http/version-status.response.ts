import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { KillSwitchMode } from '@edict/contracts';
import { ValidationProblemDto, ValidationReportDto } from '@edict/service-kit';
import { VersionSummaryDto } from './bundle-version.response';

export const STAGES = ['draft', 'submitted', 'validated', 'failed', 'approved', 'signed', 'archived'] as const;

export class StatusValidationDto {
  @ApiProperty({ enum: ['not-submitted', 'pending', 'validated', 'failed'] }) readonly outcome!: 'not-submitted' | 'pending' | 'validated' | 'failed';
  @ApiPropertyOptional() readonly validatedAt?: string;
  @ApiPropertyOptional({ type: [ValidationProblemDto], description: 'validated' }) readonly warnings?: readonly ValidationProblemDto[];
  @ApiPropertyOptional({ type: [ValidationProblemDto], description: 'failed' }) readonly problems?: readonly ValidationProblemDto[];
  @ApiPropertyOptional({ type: ValidationReportDto }) readonly report?: ValidationReportDto;
}

export class StatusSignatureDto {
  @ApiProperty() readonly signed!: boolean;
  @ApiPropertyOptional() readonly kid?: string;
  @ApiPropertyOptional({ enum: ['EdDSA', 'ES256'] }) readonly alg?: 'EdDSA' | 'ES256';
  @ApiPropertyOptional() readonly signedAt?: string;
}

export class StatusKillSwitchDto {
  @ApiProperty({ enum: ['fail-open', 'fail-closed'] }) readonly mode!: KillSwitchMode;
  @ApiProperty() readonly reason!: string;
}

/** Where distribution serves the version: `as` (stable, `canary 10%`, pinned), or `unavailable` when it could not be asked. */
export class StatusServingDto {
  @ApiPropertyOptional({ type: [String], example: ['stable'] }) readonly as?: readonly string[];
  @ApiPropertyOptional({ type: StatusKillSwitchDto }) readonly killSwitch?: StatusKillSwitchDto;
  @ApiPropertyOptional({ description: 'why serving is left out' }) readonly unavailable?: string;
}

/** `GET /v1/bundles/{policyId}/versions/{version}/status`. */
export class VersionStatusDto extends VersionSummaryDto {
  @ApiProperty({ enum: STAGES }) readonly stage!: (typeof STAGES)[number];
  @ApiProperty({ type: StatusValidationDto }) readonly validation!: StatusValidationDto;
  @ApiProperty({ type: StatusSignatureDto }) readonly signature!: StatusSignatureDto;
  @ApiProperty({ type: StatusServingDto }) readonly serving!: StatusServingDto;
}
