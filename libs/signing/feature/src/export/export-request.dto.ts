import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { EXPORT_MAX_TTL_SECONDS } from '@edict/signing-domain';

/** `POST /v1/exports`: which version, and how long the envelope stays importable. */
export class ExportRequestDto {
  @ApiProperty({ example: 'org/baseline' })
  @IsString()
  @MaxLength(256)
  policyId!: string;

  @ApiProperty({ example: '1.2.0' })
  @IsString()
  @MaxLength(64)
  version!: string;

  @ApiPropertyOptional({ description: 'lifetime of the envelope in seconds (default 86400)', minimum: 1, maximum: EXPORT_MAX_TTL_SECONDS })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(EXPORT_MAX_TTL_SECONDS)
  ttlSeconds?: number;
}
