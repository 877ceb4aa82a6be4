import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class DecisionQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(256) policyId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) version?: string;
  @ApiPropertyOptional({ enum: ['allow', 'deny', 'require_approval'] })
  @IsOptional()
  @IsIn(['allow', 'deny', 'require_approval'])
  effect?: string;
  @ApiPropertyOptional({ description: 'ISO-8601, inclusive' }) @IsOptional() @IsISO8601() since?: string;
  @ApiPropertyOptional({ description: 'ISO-8601, exclusive' }) @IsOptional() @IsISO8601() until?: string;
  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
