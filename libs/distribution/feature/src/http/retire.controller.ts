import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { ApiProblems, CurrentPrincipal, Roles, type Principal, PolicyIdPipe } from '@edict/service-kit';
import { RetirePolicyHandler } from '../handlers/retire-policy.handler';
import { requireRolloutAccess } from './rollout-access';
import { ReasonDto } from './rollout.dto';
import { RetireCheckDto, RetiredRolloutDto } from './retire.response';

export class RetirePolicyDto extends ReasonDto {
  @ApiPropertyOptional({ description: 'retire although it served decisions in the quiet period (admin only; the reason says why)' })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

/** Retiring a policy (runbook "Retire a policy"). */
@ApiTags('rollouts')
@ApiBearerAuth()
@Controller('v1/rollouts/:policyId')
export class RetireController {
  constructor(private readonly handler: RetirePolicyHandler) {}

  @Get('retire')
  @Roles('author', 'reviewer', 'team-lead', 'security', 'platform', 'oncall', 'auditor', 'admin')
  @ApiOperation({ summary: 'The quiet-period check alone: decisions the windows counted in the last EDICT_RETIRE_QUIET_DAYS days and the last window end; changes nothing' })
  @ApiOkResponse({ type: RetireCheckDto })
  check(@Param('policyId', PolicyIdPipe) policyId: string): Promise<RetireCheckDto> {
    return this.handler.check(policyId);
  }

  @Post('retire') @HttpCode(200) @Roles('platform', 'team-lead', 'admin')
  @ApiOperation({ summary: 'Retire the policy: nothing of it serves, its history stays, its id serves again only as a new major version. 409 ROLLOUT.RETIRE_RECENT_DECISIONS while it served decisions in the last EDICT_RETIRE_QUIET_DAYS (30) days, unless an admin forces it' })
  @ApiProblems({ 409: 'it served decisions in the quiet period (ROLLOUT.RETIRE_RECENT_DECISIONS), is retired already (ROLLOUT.ALREADY_RETIRED) or never rolled out (ROLLOUT.NOT_STARTED)' })
  @ApiOkResponse({ type: RetiredRolloutDto })
  retire(@Param('policyId', PolicyIdPipe) policyId: string, @Body() body: RetirePolicyDto, @CurrentPrincipal() who: Principal): Promise<RetiredRolloutDto> {
    requireRolloutAccess(who, policyId, 'start');
    return this.handler.retire(policyId, who, body.reason, body.force === true);
  }
}

