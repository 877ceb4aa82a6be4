import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DecisionBundleRef, DecisionLogged, Effect } from '@edict/contracts';

type Decision = DecisionLogged['data'];
type DecisionRequest = Decision['request'];
type DecisionResult = Decision['result'];
const EFFECTS: Effect[] = ['allow', 'deny', 'require_approval'];
const nullableString = { type: String, nullable: true } as const;

export class DecisionRequestDto implements DecisionRequest {
  @ApiProperty() readonly agent!: string;
  @ApiProperty() readonly action!: string;
  @ApiProperty() readonly resource!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'what CEL conditions read as `context.*` (masked fields replaced)' })
  readonly context?: Readonly<Record<string, unknown>>;
}

export class DecisionErrorDto {
  @ApiProperty() readonly code!: string;
  @ApiProperty() readonly message!: string;
}

export class DecisionResultDto implements DecisionResult {
  @ApiProperty({ enum: EFFECTS }) readonly effect!: Effect;
  @ApiProperty({ ...nullableString, description: 'the rule that decided; null for the default' }) readonly rule!: string | null;
  @ApiProperty(nullableString) readonly tier!: string | null;
  @ApiProperty() readonly reason!: string;
  @ApiProperty() readonly noMatch!: boolean;
  @ApiPropertyOptional({ type: DecisionErrorDto }) readonly error?: DecisionErrorDto;
  @ApiPropertyOptional({ description: 'the exception (EXC-001) that waived a rule', example: 'EXC-001' }) readonly exception?: string;
}

export class DecisionBundleRefDto implements DecisionBundleRef {
  @ApiProperty() readonly policyId!: string;
  @ApiProperty() readonly version!: string;
  @ApiProperty({ type: 'integer', description: "the subject's cohort, 0–99" }) readonly cohort!: number;
  @ApiProperty() readonly canary!: boolean;
}

/** A decision (the DecisionLogged contract's data): what the PDP answers and the decision log keeps. */
export class DecisionDto implements Decision {
  @ApiProperty() readonly decisionId!: string;
  @ApiProperty() readonly timestamp!: string;
  @ApiProperty({ example: 'org/baseline' }) readonly policyId!: string;
  @ApiProperty({ ...nullableString, description: 'null when no version is active' }) readonly version!: string | null;
  @ApiProperty() readonly subject!: string;
  @ApiProperty({ type: DecisionRequestDto }) readonly request!: DecisionRequestDto;
  @ApiProperty({ type: DecisionResultDto }) readonly result!: DecisionResultDto;
  @ApiProperty({ type: [DecisionBundleRefDto] }) readonly bundles!: readonly DecisionBundleRefDto[];
  @ApiProperty({ type: 'integer' }) readonly evaluationNs!: number;
  @ApiProperty({ enum: ['pdp', 'opa'] }) readonly source!: Decision['source'];
  @ApiProperty() readonly decisionPoint!: string;
}
