import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** `GET /v1/bundles`: one policy's versions, or every version; paginated. */
export class BundleListQueryDto {
  @ApiPropertyOptional({ example: 'org/baseline' }) @IsOptional() @IsString() @MaxLength(256) policyId?: string;
  @ApiPropertyOptional({ default: 100, maximum: 1000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

/** `GET /v1/reviews`: follow-up reviews of emergency approvals. */
export class ReviewQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'confirmed', 'all'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'confirmed', 'all'])
  status?: 'open' | 'confirmed' | 'all';
}
