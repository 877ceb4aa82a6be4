import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ReasonDto } from './rollout.dto';

export class SystemDisableDto extends ReasonDto {
  @ApiProperty({ enum: ['fail-open', 'fail-closed'] }) @IsIn(['fail-open', 'fail-closed']) mode!: 'fail-open' | 'fail-closed';

  @ApiPropertyOptional({ type: [String], description: 'only these policies; every rolled-out policy when omitted' })
  @IsOptional() @IsArray() @ArrayNotEmpty() @ArrayMaxSize(1000) @IsString({ each: true }) @MaxLength(200, { each: true })
  policies?: string[];
}

export class SystemEnableDto extends ReasonDto {
  @ApiPropertyOptional({ type: [String], description: 'only these policies; every system-disabled policy when omitted' })
  @IsOptional() @IsArray() @ArrayNotEmpty() @ArrayMaxSize(1000) @IsString({ each: true }) @MaxLength(200, { each: true })
  policies?: string[];
}
