import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { PolicyVersionQueryDto } from './policy-version-query.dto';

export class DecisionQueryDto extends PolicyVersionQueryDto {
  @ApiPropertyOptional({ enum: ['allow', 'deny', 'require_approval'] })
  @IsOptional()
  @IsIn(['allow', 'deny', 'require_approval'])
  effect?: string;
  @ApiPropertyOptional({ description: 'ISO-8601, inclusive' }) @IsOptional() @IsISO8601() since?: string;
  @ApiPropertyOptional({ description: 'ISO-8601, exclusive' }) @IsOptional() @IsISO8601() until?: string;
}
