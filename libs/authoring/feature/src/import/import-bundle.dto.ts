import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsOptional, IsString, MaxLength } from 'class-validator';

/** `POST /v1/bundles:import`: an export envelope and, optionally, the version to draft it as. */
export class ImportBundleDto {
  @ApiProperty({ description: 'the envelope `edict bundle export` wrote: the JSON object, or its text', oneOf: [{ type: 'object' }, { type: 'string' }] })
  // checked by the envelope parser, so that every wrong shape answers IMPORT.ENVELOPE_INVALID
  @Allow()
  envelope?: unknown;

  @ApiPropertyOptional({ description: 'draft it as this version (the next in this environment); metadata.version is rewritten', example: '1.1.0' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  asVersion?: string;
}
