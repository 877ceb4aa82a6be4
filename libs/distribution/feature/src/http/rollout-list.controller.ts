import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Roles } from '@edict/service-kit';
import { ActivePoliciesHandler } from '../handlers/active-policies.handler';
import { RolloutListDto } from './rollout-list.response';

export class RolloutListQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'only policies where some version serves (stable, canary or pin)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  active_only?: 'true' | 'false';
}

/**
 * The runbook's "active bundles" (`?active_only=true`): on distribution, which owns what serves,
 * rather than on authoring's `/v1/policies`, which is the registry of versions.
 */
@ApiTags('rollouts')
@ApiBearerAuth()
@Controller('v1/rollouts')
export class RolloutListController {
  constructor(private readonly policies: ActivePoliciesHandler) {}

  @Get()
  @Roles('author', 'reviewer', 'team-lead', 'security', 'platform', 'oncall', 'auditor', 'admin')
  @ApiOperation({ summary: 'Every rolled-out policy: stable, canary and pinned versions, canary share, time active, last change' })
  @ApiOkResponse({ type: RolloutListDto })
  list(@Query() query: RolloutListQueryDto): Promise<RolloutListDto> {
    return this.policies.list(query.active_only === 'true');
  }
}
