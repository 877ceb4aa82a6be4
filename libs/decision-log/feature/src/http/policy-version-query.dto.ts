import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** What the decision-log queries share: a policy, a version, and how many answers at most. */
export class PolicyVersionQueryDto {
  @ApiPropertyOptional({ example: 'org/baseline' }) @IsOptional() @IsString() @MaxLength(256) policyId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) version?: string;
  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
