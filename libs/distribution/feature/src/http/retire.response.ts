import { ApiProperty } from '@nestjs/swagger';
import { RolloutViewDto } from './rollout-view.dto';

/** `GET /v1/rollouts/{policyId}/retire`: the quiet-period check alone. */
export class RetireCheckDto {
  @ApiProperty() readonly policyId!: string;
  @ApiProperty({ type: 'integer' }) readonly quietDays!: number;
  @ApiProperty() readonly since!: string;
  @ApiProperty({ type: 'integer', description: 'decisions the windows counted since then' }) readonly recentDecisions!: number;
  @ApiProperty({ type: String, nullable: true }) readonly lastDecisionWindowEnd!: string | null;
  @ApiProperty({ description: 'no decisions in the quiet period' }) readonly quiet!: boolean;
}

/** `POST /v1/rollouts/{policyId}/retire`: the retired rollout and the quiet-period figures. */
export class RetiredRolloutDto extends RolloutViewDto {
  @ApiProperty({ type: 'integer' }) readonly recentDecisions!: number;
  @ApiProperty({ type: String, nullable: true }) readonly lastDecisionWindowEnd!: string | null;
  @ApiProperty({ type: 'integer' }) readonly quietDays!: number;
}
