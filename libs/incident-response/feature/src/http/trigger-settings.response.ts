import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorRateBand, TriggerSettings, TriggerThresholds } from '@edict/incident-response-domain';
import type { TriggerSettingsView } from '../handlers/trigger-settings.service';

/** Settings as stored or read from the environment: only the fields set. */
export class TriggerSettingsDto implements TriggerSettings {
  @ApiPropertyOptional({ type: 'integer' }) readonly minSampleSize?: number;
  @ApiPropertyOptional({ type: [Number], minItems: 4, maxItems: 4, description: 'decision matrix rows: < 2 h, 2–12 h, 12–24 h, ≥ 24 h' })
  readonly errorRates?: readonly [number, number, number, number];
  @ApiPropertyOptional() readonly maxDenyRate?: number;
  @ApiPropertyOptional() readonly maxCostIncrease?: number;
  @ApiPropertyOptional() readonly maxNoMatchRate?: number;
  @ApiPropertyOptional() readonly autoRollbackMaxAgeHours?: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) readonly dailyCostBudget?: number | null;
}

export class ErrorRateBandDto implements ErrorRateBand {
  @ApiProperty({ type: 'integer' }) readonly fromAgeMs!: number;
  @ApiProperty() readonly maxErrorRate!: number;
}

/** The thresholds in effect: runbook defaults, then the environment, then the policy's settings. */
export class TriggerThresholdsDto implements TriggerThresholds {
  @ApiProperty({ type: 'integer' }) readonly minSampleSize!: number;
  @ApiProperty({ type: [ErrorRateBandDto], description: 'ascending by age' }) readonly errorRateBands!: readonly ErrorRateBandDto[];
  @ApiProperty() readonly maxDenyRate!: number;
  @ApiProperty() readonly maxCostIncrease!: number;
  @ApiProperty() readonly maxNoMatchRate!: number;
  @ApiProperty({ type: 'integer' }) readonly autoRollbackMaxAgeMs!: number;
  @ApiProperty({ type: Number, nullable: true }) readonly dailyCostBudget!: number | null;
  @ApiProperty() readonly budgetAlertRatio!: number;
}

/** `GET` and `PUT /v1/trigger-settings/{policyId}`. */
export class TriggerSettingsViewDto implements TriggerSettingsView {
  @ApiProperty() readonly policyId!: string;
  @ApiProperty({ type: TriggerSettingsDto, description: "the policy's own settings" }) readonly settings!: TriggerSettingsDto;
  @ApiProperty({ type: TriggerSettingsDto, description: "the environment's EDICT_TRIGGER_*" }) readonly environment!: TriggerSettingsDto;
  @ApiProperty({ type: TriggerThresholdsDto }) readonly effective!: TriggerThresholdsDto;
}
