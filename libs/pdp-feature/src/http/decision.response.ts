import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Effect } from '@edict/contracts';
import type { DecisionExplanationView, ExplainedTier } from '@edict/pdp';
import { DecisionDto } from '@edict/service-kit';

const EFFECTS: Effect[] = ['allow', 'deny', 'require_approval'];

/** One rule as `?explain=full` walks it: its outcome, and the field, pattern and value that failed to match, the error, or the exception. */
export class RuleTraceDto {
  @ApiProperty() readonly id!: string;
  @ApiProperty({ type: 'integer' }) readonly rank!: number;
  @ApiProperty({ type: 'integer' }) readonly priority!: number;
  @ApiProperty({ enum: EFFECTS }) readonly effect!: Effect;
  @ApiProperty({ type: String, nullable: true }) readonly when!: string | null;
  @ApiProperty({ enum: ['no-match', 'condition-false', 'condition-error', 'waived', 'matched', 'not-reached'] }) readonly outcome!: string;
  @ApiPropertyOptional({ enum: ['agent', 'action', 'resource'], description: 'no-match' }) readonly field?: string;
  @ApiPropertyOptional({ description: 'no-match' }) readonly pattern?: string;
  @ApiPropertyOptional({ description: 'no-match' }) readonly value?: string;
  @ApiPropertyOptional({ description: 'condition-error' }) readonly message?: string;
  @ApiPropertyOptional({ description: 'waived' }) readonly exception?: string;
}

export class ExplainedTierDto {
  @ApiProperty() readonly policyId!: string;
  @ApiProperty() readonly version!: string;
  @ApiProperty() readonly tier!: string;
  @ApiProperty({ enum: EFFECTS }) readonly effect!: Effect;
  @ApiProperty({ type: String, nullable: true }) readonly rule!: string | null;
  @ApiProperty() readonly noMatch!: boolean;
  @ApiProperty({ type: [RuleTraceDto], description: 'in evaluation order' }) readonly rules!: readonly RuleTraceDto[];
  @ApiProperty({ type: 'integer' }) readonly cohort!: number;
  @ApiProperty() readonly canary!: boolean;
}

export class KillSwitchTraceDto {
  @ApiProperty() readonly policyId!: string;
  @ApiProperty() readonly mode!: string;
  @ApiProperty() readonly reason!: string;
}

export class DecisionExplanationDto {
  @ApiProperty({ type: [ExplainedTierDto] }) readonly tiers!: readonly ExplainedTier[];
  @ApiProperty({ type: [String], description: 'policyId@version of every tier that decided' }) readonly versions!: readonly string[];
  @ApiProperty({ type: 'integer', nullable: true }) readonly cohort!: number | null;
  @ApiProperty() readonly canary!: boolean;
  @ApiProperty({ type: String, nullable: true }) readonly exception!: string | null;
  @ApiProperty({ type: 'integer' }) readonly evaluationNs!: number;
  @ApiPropertyOptional({ type: KillSwitchTraceDto, description: "set when a tier's kill switch decided alone" }) readonly killSwitch?: KillSwitchTraceDto;
}

/** `POST /v1/decisions`: the decision as logged (masked); with `?explain=full` also its explanation. */
export class PdpDecisionDto extends DecisionDto {
  @ApiPropertyOptional({ type: DecisionExplanationDto, description: 'only with ?explain=full' }) readonly explanation?: DecisionExplanationView;
}

/** One entry of `GET /v1/policies`: a policy this decision point holds. */
export class HeldPolicyDto {
  @ApiProperty() readonly policyId!: string;
  @ApiProperty({ type: 'integer', description: 'the rollout revision it holds' }) readonly revision!: number;
  @ApiProperty({ type: String, nullable: true, description: 'the stable version' }) readonly stable!: string | null;
  // inline rather than a $ref: a nullable allOf-$ref refuses null in strict JSON Schema validators
  @ApiProperty({ type: 'object', nullable: true, selfRequired: true, required: ['version', 'percentage'], properties: { version: { type: 'string' }, percentage: { type: 'number' } } })
  readonly canary!: { readonly version: string; readonly percentage: number } | null;
}
