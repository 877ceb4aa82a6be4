import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BundleSigned, BundleSignedOpaForm } from '@edict/contracts';

export class OpaFormDto implements BundleSignedOpaForm {
  @ApiProperty({ description: 'sha256:<hex> of the signed tarball' }) readonly digest!: string;
  @ApiProperty({ description: "the tarball's .signatures.json, as text" }) readonly signatures!: string;
  @ApiProperty() readonly kid!: string;
  @ApiProperty({ enum: ['ES256'] }) readonly alg!: 'ES256';
}

export class OpaSkippedDto {
  @ApiProperty({ example: 'OPA_FORM.ALG_UNSUPPORTED' }) readonly code!: string;
  @ApiProperty() readonly reason!: string;
}

/** `GET /v1/signatures/{policyId}/versions/{version}`: the BundleSigned event's data. */
export class SignatureDto implements Readonly<BundleSigned['data']> {
  @ApiProperty() readonly policyId!: string;
  @ApiProperty() readonly version!: string;
  @ApiProperty({ description: 'sha256:<hex> of the canonical document' }) readonly digest!: string;
  @ApiProperty() readonly kid!: string;
  @ApiProperty({ enum: ['EdDSA', 'ES256'] }) readonly alg!: BundleSigned['data']['alg'];
  @ApiProperty({ description: 'compact JWS, payload detached: canonical { policyId, version, digest }' }) readonly signature!: string;
  @ApiProperty() readonly signedAt!: string;
  @ApiPropertyOptional({ type: OpaFormDto, description: 'versions with spec.rego, signed with an ES256 key' }) readonly opa?: OpaFormDto;
  @ApiPropertyOptional({ type: OpaSkippedDto, description: 'why a version with spec.rego has no OPA form' }) readonly opaSkipped?: OpaSkippedDto;
}
