import { ApiProperty, type ApiPropertyOptions, type SchemaObject } from '@nestjs/swagger';
import type { Canary, KillSwitch, Pin, Retirement, ServedVersion } from '@edict/distribution-domain';
import { gateSchema, type GateVerdictDto } from './gate-report.response';
import { nullableObject, str } from './nullable-object';

const object = nullableObject;
const served: Record<string, ApiPropertyOptions> = { version: str, digest: { type: 'string', description: 'sha256:<hex>' } };
const servedVersion: SchemaObject = { type: 'object', required: ['version', 'digest'], properties: { version: { type: 'string' }, digest: { type: 'string' } } };

/** What `GET /v1/rollouts/{policyId}` and every rollout command answer (rolloutView). */
export class RolloutViewDto {
  @ApiProperty({ example: 'org/baseline' }) readonly policyId!: string;
  @ApiProperty({ type: 'integer', description: 'the stream revision: send it as If-Match (-1 before any event)' }) readonly revision!: number;
  @ApiProperty(object(['version', 'digest'], served, 'serves every cohort outside the canary; null until a first canary reaches 100%'))
  readonly stable!: ServedVersion | null;
  @ApiProperty(object(['version', 'digest', 'percentage', 'stepStartedAt', 'paused', 'steps', 'soakSeconds', 'autoPromote'], {
    ...served,
    percentage: { type: 'number' },
    stepStartedAt: { ...str, description: 'the soak counts from here' },
    paused: { type: 'boolean' },
    steps: { type: 'array', items: { type: 'number' } },
    soakSeconds: { type: 'integer', nullable: true, description: "null: the service's default" },
    autoPromote: { type: 'boolean' },
  }, 'the canary: serves the cohorts below percentage'))
  readonly canary!: Canary | null;
  @ApiProperty(object(['version', 'digest', 'reason', 'pinnedBy'], { ...served, reason: str, pinnedBy: str }, 'every cohort gets this version until unpinned'))
  readonly pin!: Pin | null;
  @ApiProperty(object(['mode', 'reason', 'disabledBy', 'system'], {
    mode: { type: 'string', enum: ['fail-open', 'fail-closed'] }, reason: str, disabledBy: str, system: { type: 'boolean', description: 'set by the system-wide kill switch' },
  }, 'the kill switch, when on'))
  readonly killSwitch!: KillSwitch | null;
  @ApiProperty({ type: 'array', items: servedVersion, description: 'versions that were stable before the current one, oldest first: the rollback targets' })
  readonly history!: readonly ServedVersion[];
  @ApiProperty({ type: [String], description: 'versions rolled back: they never serve again' }) readonly archived!: readonly string[];
  @ApiProperty(object(['reason', 'retiredBy', 'retiredAt', 'lastMajor', 'forced'], {
    reason: str, retiredBy: str, retiredAt: str, lastMajor: { type: 'integer', nullable: true }, forced: { type: 'boolean' },
  }, 'set when the policy is retired'))
  readonly retired!: Retirement | null;
  @ApiProperty({ ...gateSchema, nullable: true, selfRequired: false, description: "status only: the canary's current gate verdict (null without a canary)" })
  readonly gate?: GateVerdictDto | null;
}
