import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VALIDATION_CHECK_NAMES, type ValidationCheck, type ValidationCheckName, type ValidationCoverage, type ValidationImpact, type ValidationProblem, type ValidationReport } from '@edict/contracts';

/** A problem or finding, located where possible (ValidationProblem; also a bundle's lint finding). */
export class ValidationProblemDto implements ValidationProblem {
  @ApiProperty({ example: 'LINT.SHADOWED_RULE' }) readonly code!: string;
  @ApiProperty() readonly message!: string;
  @ApiPropertyOptional({ example: 'spec.rules[2].condition' }) readonly path?: string;
  @ApiPropertyOptional({ type: 'integer' }) readonly line?: number;
  @ApiPropertyOptional({ type: 'integer' }) readonly column?: number;
  @ApiPropertyOptional({ description: 'the Rego module or data file' }) readonly file?: string;
  @ApiProperty({ enum: ['error', 'warning', 'info'] }) readonly severity!: ValidationProblem['severity'];
}

export class ValidationCheckDto implements ValidationCheck {
  @ApiProperty({ enum: VALIDATION_CHECK_NAMES }) readonly name!: ValidationCheckName;
  @ApiProperty({ enum: ['pass', 'fail', 'skipped'] }) readonly status!: ValidationCheck['status'];
  @ApiProperty({ type: [ValidationProblemDto] }) readonly findings!: readonly ValidationProblemDto[];
  @ApiProperty() readonly summary!: string;
}

export class RuleCoverageDto {
  @ApiProperty({ type: 'integer' }) readonly total!: number;
  @ApiProperty({ type: 'integer' }) readonly reached!: number;
  @ApiProperty({ type: [String] }) readonly unreached!: readonly string[];
  @ApiProperty() readonly required!: boolean;
}

export class RegoCoverageDto {
  @ApiProperty() readonly percentage!: number;
  @ApiProperty() readonly minimum!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'array', items: { type: 'integer' } }, description: 'file → uncovered lines' })
  readonly uncovered!: Readonly<Record<string, readonly number[]>>;
}

export class ValidationCoverageDto implements ValidationCoverage {
  @ApiPropertyOptional({ type: RuleCoverageDto }) readonly rules?: RuleCoverageDto;
  @ApiPropertyOptional({ type: RegoCoverageDto }) readonly rego?: RegoCoverageDto;
}

export class ImpactGroupDto {
  @ApiProperty() readonly from!: string;
  @ApiProperty() readonly to!: string;
  @ApiProperty({ type: 'integer' }) readonly count!: number;
}

export class ValidationImpactDto implements ValidationImpact {
  @ApiProperty() readonly baselineVersion!: string;
  @ApiProperty({ type: 'integer' }) readonly decisions!: number;
  @ApiProperty({ type: 'integer' }) readonly changed!: number;
  @ApiProperty({ type: [ImpactGroupDto] }) readonly groups!: readonly ImpactGroupDto[];
}

export class ValidationParentDto {
  @ApiProperty() readonly policyId!: string;
  @ApiProperty() readonly version!: string;
  @ApiProperty({ enum: ['stable', 'canary', 'submitted'] }) readonly as!: 'stable' | 'canary' | 'submitted';
}

/** Everything a verdict says (the ValidationReport contract). */
export class ValidationReportDto implements ValidationReport {
  @ApiProperty({ type: [ValidationCheckDto], description: 'in the order they ran' }) readonly checks!: readonly ValidationCheckDto[];
  @ApiPropertyOptional({ type: ValidationCoverageDto }) readonly coverage?: ValidationCoverageDto;
  @ApiPropertyOptional({ type: ValidationImpactDto }) readonly impact?: ValidationImpactDto;
  @ApiPropertyOptional({ type: [ValidationParentDto], description: 'the parent versions tighten-only compared against' }) readonly parents?: readonly ValidationParentDto[];
}
