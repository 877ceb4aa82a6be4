import { ApiProperty } from '@nestjs/swagger';
import type { KeyStatus, KeyView } from '@edict/signing-domain';

/** One key of the keyring as `GET /v1/keys` shows it; public metadata only. */
export class KeyViewDto implements KeyView {
  @ApiProperty({ description: 'RFC 7638 thumbprint of the public key' }) readonly kid!: string;
  @ApiProperty({ enum: ['ES256', 'EdDSA'] }) readonly alg!: KeyView['alg'];
  @ApiProperty({ enum: ['active', 'verifying', 'retired'], description: 'active: signs; verifying: an older key not retired, still verifies; retired: refused everywhere' })
  readonly status!: KeyStatus;
  @ApiProperty() readonly registeredAt!: string;
  @ApiProperty({ type: String, nullable: true }) readonly retiredAt!: string | null;
}

export class KeyListDto {
  @ApiProperty({ type: [KeyViewDto], description: 'newest first' }) readonly items!: KeyViewDto[];
}
