import { ApiProperty } from '@nestjs/swagger';
import type { FleetAgent, FleetCanary, FleetPolicy, FleetPolicyState, FleetView } from '@edict/contracts';
import { nullableObject } from '../http/nullable-object';

const STATES: FleetPolicyState[] = ['current', 'wrong-revision', 'error', 'stale', 'pending'];
const canary = (description: string): ReturnType<typeof nullableObject> =>
  nullableObject(['version', 'percentage'], { version: { type: 'string' }, percentage: { type: 'number' } }, description, false);
const nullableString = { type: String, nullable: true } as const;

/** One policy on one agent (the FleetPolicy contract). */
export class FleetPolicyDto implements FleetPolicy {
  @ApiProperty() readonly policyId!: string;
  @ApiProperty({ ...nullableString, description: "active_revision from the agent's last status report" }) readonly activeRevision!: string | null;
  @ApiProperty({ ...nullableString, description: 'what distribution would serve this agent now' }) readonly expectedRevision!: string | null;
  @ApiProperty({ ...nullableString, description: "what distribution last answered this agent's bundle request with" }) readonly servedRevision!: string | null;
  @ApiProperty(nullableString) readonly lastActivation!: string | null;
  @ApiProperty(nullableString) readonly lastDownload!: string | null;
  @ApiProperty({ ...nullableString, description: "the agent's error for this bundle" }) readonly code!: string | null;
  @ApiProperty(nullableString) readonly message!: string | null;
  @ApiProperty({ type: 'array', items: {}, description: "the agent's errors as it reported them" }) readonly errors!: readonly unknown[];
  @ApiProperty({ enum: STATES }) readonly state!: FleetPolicyState;
  @ApiProperty(canary('Edict PDPs only: the canary the PDP holds')) readonly activeCanary?: FleetCanary | null;
  @ApiProperty(canary('Edict PDPs only: the canary distribution serves now')) readonly expectedCanary?: FleetCanary | null;
}

export class FleetAgentDto implements FleetAgent {
  @ApiProperty() readonly id!: string;
  @ApiProperty({ enum: ['opa', 'pdp'] }) readonly kind!: FleetAgent['kind'];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) readonly labels!: Readonly<Record<string, string>>;
  @ApiProperty({ type: [FleetPolicyDto] }) readonly policies!: readonly FleetPolicyDto[];
  @ApiProperty() readonly lastSeen!: string;
  @ApiProperty(nullableString) readonly lastStatus!: string | null;
  @ApiProperty() readonly stale!: boolean;
}

/** `GET /v1/fleet`: one entry per agent. */
export class FleetViewDto implements FleetView {
  @ApiProperty({ type: 'integer' }) readonly staleAfterSeconds!: number;
  @ApiProperty({ type: [FleetAgentDto] }) readonly agents!: readonly FleetAgentDto[];
}
