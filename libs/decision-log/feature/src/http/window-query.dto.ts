import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PolicyVersionQueryDto } from './policy-version-query.dto';

/** GET /v1/windows: which closed windows, newest first. */
export class WindowQueryDto extends PolicyVersionQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'only the canary cohorts, or only the others' })
  @IsOptional()
  @IsIn(['true', 'false'])
  canary?: 'true' | 'false';
}
