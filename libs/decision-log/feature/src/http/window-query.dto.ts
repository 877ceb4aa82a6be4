import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** GET /v1/windows: which closed windows, newest first. */
export class WindowQueryDto {
  @ApiPropertyOptional({ example: 'org/baseline' }) @IsOptional() @IsString() @MaxLength(256) policyId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) version?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'only the canary cohorts, or only the others' })
  @IsOptional()
  @IsIn(['true', 'false'])
  canary?: 'true' | 'false';
  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
