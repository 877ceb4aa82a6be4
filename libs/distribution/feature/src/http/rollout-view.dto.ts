import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const nullableObject = { type: 'object', nullable: true, additionalProperties: true } as const;
const objects = { type: 'array', items: { type: 'object', additionalProperties: true } } as const;

/** What `GET /v1/rollouts/{policyId}` and every rollout command answer (rolloutView). */
export class RolloutViewDto {
  @ApiProperty({ example: 'org/baseline' }) policyId!: string;
  @ApiProperty({ type: 'integer', description: 'the stream revision: send it as If-Match' }) revision!: number;
  @ApiProperty({ ...nullableObject, description: 'the stable version: { version, since, … }' }) stable!: Record<string, unknown> | null;
  @ApiProperty({ ...nullableObject, description: 'the canary: { version, percentage, … }' }) canary!: Record<string, unknown> | null;
  @ApiProperty({ ...nullableObject, description: 'the pinned version, if any' }) pin!: Record<string, unknown> | null;
  @ApiProperty({ ...nullableObject, description: 'the kill switch, if on: { mode, reason, … }' }) killSwitch!: Record<string, unknown> | null;
  @ApiProperty({ ...objects, description: 'every step, pin, rollback and switch, oldest first' }) history!: Record<string, unknown>[];
  @ApiProperty({ ...objects, description: 'versions taken out of service' }) archived!: Record<string, unknown>[];
  @ApiProperty({ ...nullableObject, description: 'set when the policy is retired' }) retired!: Record<string, unknown> | null;
  @ApiPropertyOptional({ ...nullableObject, description: "status only: the canary's current gate verdict (null without a canary)" }) gate?: Record<string, unknown> | null;
}
