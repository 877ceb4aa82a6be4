import { ApiProperty } from '@nestjs/swagger';
import { EXPORT_FORMAT, type ExportedApproval, type ExportedSignature, type ExportEnvelope } from '@edict/signing-domain';

export class ExportedSignatureDto implements ExportedSignature {
  @ApiProperty() readonly kid!: string;
  @ApiProperty({ enum: ['EdDSA', 'ES256'] }) readonly alg!: ExportedSignature['alg'];
  @ApiProperty({ description: 'compact JWS, payload detached: canonical { policyId, version, digest }' }) readonly signature!: string;
  @ApiProperty() readonly signedAt!: string;
}

export class ExportedApprovalDto implements ExportedApproval {
  @ApiProperty() readonly subject!: string;
  @ApiProperty() readonly role!: string;
  @ApiProperty() readonly grantedAt!: string;
}

/** `POST /v1/exports`: the signed envelope `edict bundle import` reads in another environment. */
export class ExportEnvelopeDto implements ExportEnvelope {
  @ApiProperty({ enum: [EXPORT_FORMAT] }) readonly format!: typeof EXPORT_FORMAT;
  @ApiProperty({ description: "the source environment's name (EDICT_ENVIRONMENT)" }) readonly environment!: string;
  @ApiProperty() readonly policyId!: string;
  @ApiProperty() readonly version!: string;
  @ApiProperty({ description: 'sha256:<hex> of the canonical document' }) readonly digest!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the PolicyBundle document' }) readonly document!: Readonly<Record<string, unknown>>;
  @ApiProperty({ type: ExportedSignatureDto }) readonly signature!: ExportedSignatureDto;
  @ApiProperty({ type: [ExportedApprovalDto] }) readonly approvals!: readonly ExportedApprovalDto[];
  @ApiProperty() readonly exportedAt!: string;
  @ApiProperty() readonly expiresAt!: string;
  @ApiProperty({ description: 'compact JWS, payload detached, over the canonical body' }) readonly envelopeSignature!: string;
}
