import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

/**
 * A bundle document, given either parsed (`document`) or as YAML/JSON text (`source`), so that
 * parse errors can name line and column. Exactly one of the two.
 */
export class BundleDocumentDto {
  @ApiPropertyOptional({ description: 'the PolicyBundle document as JSON' })
  @IsOptional()
  @IsObject()
  document?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'the PolicyBundle document as YAML or JSON text' })
  @IsOptional()
  @IsString()
  @MaxLength(1024 * 1024)
  source?: string;

  @ApiPropertyOptional({ enum: ['yaml', 'json'] })
  @IsOptional()
  @IsIn(['yaml', 'json'])
  format?: 'yaml' | 'json';

  @ApiPropertyOptional({ description: 'file name, for error messages' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  filename?: string;
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
