import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

/** The bundle to judge, as in authoring's draft body: parsed (`document`) or as text (`source`), exactly one. */
export class DryRunDto {
  @ApiPropertyOptional({ description: 'the PolicyBundle document as JSON' })
  @IsOptional()
  @IsObject()
  document?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'the PolicyBundle document as YAML or JSON text; findings then carry line and column' })
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
