import { ApiPropertyOptional } from '@nestjs/swagger';
import { BundleDocumentFields as F } from '@edict/service-kit';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

/**
 * A bundle document, given either parsed (`document`) or as YAML/JSON text (`source`), so that
 * parse errors can name line and column. Exactly one of the two.
 */
export class BundleDocumentDto {
  @F.document() document?: Record<string, unknown>;
  @F.source() source?: string;
  @F.format() format?: 'yaml' | 'json';
  @F.filename() filename?: string;
}

export class ApproveBundleDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;

  @ApiPropertyOptional({ description: 'the emergency path: a security approver approves alone; needs `reason`' })
  @IsOptional()
  @IsBoolean()
  emergency?: boolean;

  @ApiPropertyOptional({ description: 'why the emergency path is taken (required with `emergency: true`)' })
  @ValidateIf((o: ApproveBundleDto) => o.emergency === true || o.reason !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason?: string;
}

export class ConfirmEmergencyDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
