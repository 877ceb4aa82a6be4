import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** `POST /v1/exceptions`: waive one rule of one policy for a resource glob until an expiry. */
export class RequestExceptionDto {
  @ApiProperty({ example: 'org/storage' }) @IsString() @IsNotEmpty() @MaxLength(256) policyId!: string;
  @ApiProperty({ example: 'deny-unencrypted' }) @IsString() @IsNotEmpty() @MaxLength(256) ruleId!: string;
  @ApiProperty({ example: 'buckets/legacy-archive', description: 'a glob over request.resource, as match.resource (not `*` or `**`)' })
  @IsString() @IsNotEmpty() @MaxLength(1024) resource!: string;
  @ApiPropertyOptional({ description: 'only decisions for this subject' }) @IsOptional() @IsString() @MaxLength(256) subject?: string;
  @ApiPropertyOptional({ description: 'only requests from agents this glob matches' }) @IsOptional() @IsString() @MaxLength(256) agent?: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4096) justification!: string;
  @ApiProperty({ example: 'SEC-1234' }) @IsString() @IsNotEmpty() @MaxLength(256) ticket!: string;
  @ApiProperty({ example: '2026-12-31T00:00:00Z', description: "ISO time; at most the tier's maximum ahead (org 30 d, team 90 d, project 180 d by default)" })
  @IsString() @IsNotEmpty() @MaxLength(64) expiresAt!: string;
}

export class RevokeExceptionDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4096) reason!: string;
}

export class ApproveExceptionDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4096) comment?: string;
}

/** `GET /v1/exceptions`: by policy, status, or expiring within a duration (`7d`, `12h`, `30m`). */
export class ExceptionListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(256) policyId?: string;
  @ApiPropertyOptional({ enum: ['requested', 'approved', 'revoked', 'expired', 'active'], description: '`active`: approved and not past its expiry now' })
  @IsOptional() @IsIn(['requested', 'approved', 'revoked', 'expired', 'active']) status?: 'requested' | 'approved' | 'revoked' | 'expired' | 'active';
  @ApiPropertyOptional({ example: '7d', description: 'only exceptions not yet expired whose expiry is within this long from now' })
  @IsOptional() @Matches(/^\d{1,5}[smhd]$/) expiring?: string;
}
