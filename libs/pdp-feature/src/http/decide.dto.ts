import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export class DecisionRequestDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(512) agent!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(512) action!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2048) resource!: string;
  @ApiPropertyOptional({ description: 'what CEL conditions read as `context.*`' })
  @IsOptional()
  @IsObject()
  context?: Record<string, unknown>;
}

/** POST /v1/decisions: which policy (most specific tier), who asks, and what. */
export class DecideDto {
  @ApiProperty({ example: 'teams/alpha/network' }) @IsString() @IsNotEmpty() @MaxLength(256) policyId!: string;
  @ApiProperty({ description: 'picks the canary cohort' }) @IsString() @IsNotEmpty() @MaxLength(512) subject!: string;
  @ApiProperty({ type: DecisionRequestDto })
  @ValidateNested()
  @Type(() => DecisionRequestDto)
  request!: DecisionRequestDto;
}
