import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions, type SchemaObject } from '@nestjs/swagger';
import type { GateReport, GateRow } from '@edict/distribution-domain';

const GATES: GateRow['gate'][] = ['decisions', 'error-rate', 'deny-rate', 'cost', 'soak'];

const gateRow: SchemaObject = {
  type: 'object',
  required: ['gate', 'value', 'threshold', 'window', 'passed'],
  properties: {
    gate: { type: 'string', enum: GATES },
    value: { type: 'number', nullable: true, description: 'null when not measurable' },
    threshold: { type: 'number' },
    window: { type: 'string' },
    passed: { type: 'boolean' },
  },
};

/**
 * The gates of a canary step: the verdict, and (with a canary) each gate measured against its
 * threshold. Inline JSON Schema too (`gateSchema`), for places where it may be null: a nullable
 * `$ref` would refuse null in strict validators.
 */
export const gateSchema: ApiPropertyOptions & { type: 'object' } = {
  type: 'object',
  required: ['passed', 'reasons'],
  properties: {
    passed: { type: 'boolean' },
    reasons: { type: 'array', items: { type: 'string' } },
    gates: { type: 'array', items: gateRow, description: 'absent without a canary' },
    decisionsCounted: { type: 'integer' },
    soakRemainingMs: { type: 'integer' },
  },
};

export class GateRowDto implements GateRow {
  @ApiProperty({ enum: GATES }) readonly gate!: GateRow['gate'];
  @ApiProperty({ type: Number, nullable: true, description: 'null when not measurable' }) readonly value!: number | null;
  @ApiProperty() readonly threshold!: number;
  @ApiProperty() readonly window!: string;
  @ApiProperty() readonly passed!: boolean;
}

/** `POST /v1/rollouts/{policyId}/check-gates`: the gates on the supplied metrics. */
export class GateReportDto implements GateReport {
  @ApiProperty() readonly passed!: boolean;
  @ApiProperty({ type: [String] }) readonly reasons!: readonly string[];
  @ApiProperty({ type: [GateRowDto] }) readonly gates!: readonly GateRowDto[];
  @ApiProperty({ type: 'integer' }) readonly decisionsCounted!: number;
  @ApiProperty({ type: 'integer' }) readonly soakRemainingMs!: number;
}

/** A gate verdict: a whole report with a canary, the reasons alone without one. */
export class GateVerdictDto {
  @ApiProperty() readonly passed!: boolean;
  @ApiProperty({ type: [String] }) readonly reasons!: readonly string[];
  @ApiPropertyOptional({ type: [GateRowDto] }) readonly gates?: readonly GateRowDto[];
  @ApiPropertyOptional({ type: 'integer' }) readonly decisionsCounted?: number;
  @ApiPropertyOptional({ type: 'integer' }) readonly soakRemainingMs?: number;
}
