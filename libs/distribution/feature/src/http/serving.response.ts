import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import type { ManifestVersion, ServedBundle, ServingManifest, ServingState, SignedServingManifest } from '@edict/contracts';
import { killSwitchModes, nullableObject, str } from './nullable-object';

const version: Record<string, ApiPropertyOptions> = { version: str, digest: { type: 'string', description: 'sha256:<hex>' } };
const bundle: Record<string, ApiPropertyOptions> = {
  ...version,
  document: { type: 'object', additionalProperties: true, description: 'the PolicyBundle document' },
  signature: { type: 'string', description: 'detached compact JWS over { policyId, version, digest }' },
  kid: str,
};
const killSwitch = nullableObject(['mode', 'reason'], { mode: killSwitchModes, reason: str }, 'set when the kill switch is on');
const percentage: ApiPropertyOptions = { type: 'number', description: 'cohorts below it get the canary' };

/** What decision points obey: versions, share, pin and kill switch, without the documents. */
export class ServingManifestDto implements ServingManifest {
  @ApiProperty() readonly policyId!: string;
  @ApiProperty({ type: 'integer' }) readonly revision!: number;
  @ApiProperty(nullableObject(['version', 'digest'], version)) readonly stable!: ManifestVersion | null;
  @ApiProperty(nullableObject(['version', 'digest', 'percentage'], { ...version, percentage })) readonly canary!: (ManifestVersion & { readonly percentage: number }) | null;
  @ApiProperty(nullableObject(['version', 'digest'], version)) readonly pinned!: ManifestVersion | null;
  @ApiProperty(killSwitch) readonly killSwitch!: ServingManifest['killSwitch'];
}

export class SignedServingManifestDto implements SignedServingManifest {
  @ApiProperty({ type: ServingManifestDto }) readonly manifest!: ServingManifestDto;
  @ApiProperty({ description: "detached compact JWS by distribution's manifest key" }) readonly signature!: string;
  @ApiProperty({ description: 'in /.well-known/jwks.json' }) readonly kid!: string;
}

/** `GET /v1/serving/{policyId}` (and each item of `GET /v1/serving`): the ServingState contract. */
export class ServingStateDto implements ServingState {
  @ApiProperty() readonly policyId!: string;
  @ApiProperty(nullableObject(['version', 'digest', 'document', 'signature', 'kid'], bundle)) readonly stable!: ServedBundle | null;
  @ApiProperty(nullableObject(['version', 'digest', 'document', 'signature', 'kid', 'percentage'], { ...bundle, percentage })) readonly canary!: (ServedBundle & { readonly percentage: number }) | null;
  @ApiProperty(nullableObject(['version', 'digest', 'document', 'signature', 'kid'], bundle)) readonly pinned!: ServedBundle | null;
  @ApiProperty(killSwitch) readonly killSwitch!: ServingState['killSwitch'];
  @ApiProperty({ type: 'integer', description: 'the rollout stream revision this state reflects' }) readonly revision!: number;
  @ApiPropertyOptional({ type: SignedServingManifestDto, description: 'always sent; decision points refuse a state without one' }) readonly manifest?: SignedServingManifestDto;
}
