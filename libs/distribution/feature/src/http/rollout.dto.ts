import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export class StartRolloutDto {
  @ApiProperty({ example: '1.2.0' }) @IsString() @IsNotEmpty() @MaxLength(64) version!: string;
}

export class ReasonDto {
  @ApiProperty({ description: 'why; kept in the audit trail' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}

export class OverrideDto extends ReasonDto {}

export class RollbackDto extends ReasonDto {
  @ApiPropertyOptional({ description: 'open an incident about this rollback (runbook: create_incident); incident-response records it as rolled back' })
  @IsOptional()
  @IsBoolean()
  createIncident?: boolean;
}

export class PromoteRolloutDto {
  @ApiPropertyOptional({ type: OverrideDto, description: 'promote despite failing gates (admin or platform)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OverrideDto)
  override?: OverrideDto;
}

export class PinVersionDto extends ReasonDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(64) version!: string;
}

export class DisablePolicyDto extends ReasonDto {
  @ApiProperty({ enum: ['fail-open', 'fail-closed'] }) @IsIn(['fail-open', 'fail-closed']) mode!: 'fail-open' | 'fail-closed';
}
