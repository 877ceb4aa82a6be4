import { ApiProperty } from '@nestjs/swagger';
import type { TrackedRollout } from '@edict/distribution-domain';
import type { SystemChange } from '../handlers/system-kill-switch.service';
import { bool, killSwitchModes, nullableObject, str } from './nullable-object';

export class SkippedPolicyDto {
  @ApiProperty() readonly policyId!: string;
  @ApiProperty({ example: 'already disabled (fail-open)' }) readonly why!: string;
}

/** `POST /v1/system/disable` and `enable`: the policies changed, and those left as they were with why. */
export class SystemChangeDto implements SystemChange {
  @ApiProperty({ type: [String] }) readonly changed!: readonly string[];
  @ApiProperty({ type: [SkippedPolicyDto] }) readonly skipped!: readonly SkippedPolicyDto[];
}

export class PolicyKillSwitchDto {
  @ApiProperty() readonly policyId!: string;
  @ApiProperty(nullableObject(['mode', 'reason', 'disabledBy', 'system'], { mode: killSwitchModes, reason: str, disabledBy: str, system: bool }, 'null while it serves'))
  readonly killSwitch!: TrackedRollout['killSwitch'];
}

/** `GET /v1/system/status`. */
export class SystemStatusDto {
  @ApiProperty({ type: [PolicyKillSwitchDto] }) readonly policies!: readonly PolicyKillSwitchDto[];
  @ApiProperty({ type: 'integer' }) readonly disabled!: number;
}
