import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A public key as a JWK (RFC 7517): EC P-256 (ES256) or OKP Ed25519 (EdDSA); never a private member. */
export class PublicJwkDto {
  @ApiProperty({ enum: ['EC', 'OKP'] }) readonly kty!: string;
  @ApiProperty({ enum: ['P-256', 'Ed25519'] }) readonly crv!: string;
  @ApiProperty({ description: 'base64url' }) readonly x!: string;
  @ApiPropertyOptional({ description: 'base64url (EC keys)' }) readonly y?: string;
  @ApiProperty({ description: 'RFC 7638 thumbprint' }) readonly kid!: string;
  @ApiProperty({ enum: ['ES256', 'EdDSA'] }) readonly alg!: string;
  @ApiPropertyOptional({ enum: ['sig'] }) readonly use?: string;
}

/** A JSON Web Key Set of public keys. */
export class JwksDto {
  @ApiProperty({ type: [PublicJwkDto] }) readonly keys!: readonly PublicJwkDto[];
}
