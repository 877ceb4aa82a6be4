import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import type { RolloutChange } from '@edict/distribution-domain';
import type { PolicyRollout } from '../handlers/active-policies.handler';
import { bool, killSwitchModes, nullableObject, nullableStr, str } from './nullable-object';

const active: Record<string, ApiPropertyOptions> = { version: str, since: nullableStr, activeForSeconds: { type: 'integer', nullable: true } };

/** One policy of `GET /v1/rollouts`: what serves, since when, the last change. */
export class PolicyRolloutDto implements PolicyRollout {
  @ApiProperty() readonly policyId!: string;
  @ApiProperty({ type: 'integer' }) readonly revision!: number;
  @ApiProperty(nullableObject(['version', 'since', 'activeForSeconds'], active)) readonly stable!: PolicyRollout['stable'];
  @ApiProperty(nullableObject(['version', 'since', 'activeForSeconds', 'percentage', 'paused'], { ...active, percentage: { type: 'number' }, paused: bool }))
  readonly canary!: PolicyRollout['canary'];
  @ApiProperty(nullableObject(['version', 'reason', 'pinnedBy'], { version: str, reason: str, pinnedBy: str })) readonly pinned!: PolicyRollout['pinned'];
  @ApiProperty(nullableObject(['mode', 'reason', 'disabledBy', 'system'], { mode: killSwitchModes, reason: str, disabledBy: str, system: bool })) readonly killSwitch!: PolicyRollout['killSwitch'];
  @ApiProperty({ description: 'the share of cohorts the canary gets now: 0 while pinned or disabled' }) readonly canaryShare!: number;
  @ApiProperty(nullableObject(['type', 'version', 'at', 'by'], { type: { type: 'string', description: 'the rollout event' }, version: nullableStr, at: str, by: str }))
  readonly lastChange!: RolloutChange | null;
}

export class RolloutListDto {
  @ApiProperty({ type: [PolicyRolloutDto] }) readonly items!: readonly PolicyRolloutDto[];
}
