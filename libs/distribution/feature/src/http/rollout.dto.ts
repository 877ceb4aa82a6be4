import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsNumber, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

export class StartRolloutDto {
  @ApiProperty({ example: '1.2.0' }) @IsString() @IsNotEmpty() @MaxLength(64) version!: string;
}

export class ReasonDto {
  @ApiProperty({ description: 'why; kept in the audit trail' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}

export class OverrideDto extends ReasonDto {}

export class RollbackDto extends ReasonDto {
  @ApiPropertyOptional({ description: 'open an incident about this rollback (runbook: create_incident); incident-response records it as rolled back' })
  @IsOptional()
  @IsBoolean()
  createIncident?: boolean;

  @ApiPropertyOptional({ example: '2.0.0', description: 'roll back to this version: one this policy served as stable before, released with a verified signature under a key not retired' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, { message: 'toVersion must be a semantic version such as 2.0.0' })
  toVersion?: string;
}

export class PromoteRolloutDto {
  @ApiPropertyOptional({ type: OverrideDto, description: 'promote despite failing gates (admin or platform)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OverrideDto)
  override?: OverrideDto;
}

export class PinVersionDto extends ReasonDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(64) version!: string;
}

export class DisablePolicyDto extends ReasonDto {
  @ApiProperty({ enum: ['fail-open', 'fail-closed'] }) @IsIn(['fail-open', 'fail-closed']) mode!: 'fail-open' | 'fail-closed';
}

/** Metrics of one version for check-gates (the counts a decision window sums). */
export class GateMetricsDto {
  @ApiProperty({ example: 1000 }) @IsNumber() decisions!: number;
  @ApiProperty({ example: 12 }) @IsNumber() errors!: number;
  @ApiProperty({ example: 150 }) @IsNumber() denies!: number;
  @ApiPropertyOptional({ example: 110000, description: 'mean evaluation time (ns): latency, shown, not gated' }) @IsOptional() @IsNumber() meanEvaluationNs?: number;
  @ApiPropertyOptional({ example: 1200, description: 'declared cost of the decisions summed (request.context.cost), for the cost gate: per decision against stable' })
  @IsOptional() @IsNumber() costSum?: number;
}

export class CheckGatesDto extends GateMetricsDto {
  @ApiPropertyOptional({ type: GateMetricsDto, description: "the stable version's metrics, for the cost gate" })
  @IsOptional()
  @ValidateNested()
  @Type(() => GateMetricsDto)
  stable?: GateMetricsDto;
}
