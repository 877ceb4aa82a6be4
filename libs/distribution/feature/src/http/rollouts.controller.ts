import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentPrincipal, NoBodyPipe, Roles, type Principal, PolicyIdPipe } from '@edict/service-kit';
import { RolloutCommandsService } from '../handlers/rollout-commands.service';
import { parseIfMatch } from './if-match';
import { GateReportDto } from './gate-report.response';
import { RolloutViewDto } from './rollout-view.dto';
import { OVERRIDE_HEADER, requireOverrideHeader } from './override-header';
import { requireRolloutAccess } from './rollout-access';
import type { GateReport, WindowTotals } from '@edict/distribution-domain';
import { CheckGatesDto, GateMetricsDto, DisablePolicyDto, PinVersionDto, PromoteRolloutDto, ReasonDto, RollbackDto, StartRolloutDto } from './rollout.dto';

type View = Promise<RolloutViewDto>;

/** Every command takes the revision from `status` as `If-Match`: 412 ROLLOUT.REVISION_MISMATCH when the rollout moved. */
const ifMatchDoc = { name: 'If-Match', required: false, description: "the rollout's revision from its status; 412 when it moved" };

/** What a rollout command can answer beside 400/401/403. */
const COMMAND_PROBLEMS = {
  404: 'no such rollout, or no such release of this policy',
  409: 'the rollout refuses the command in its state (ROLLOUT.*: not releasable, in progress, pinned, disabled, gate failed, …)',
  412: 'If-Match is not the rollout\'s current revision (ROLLOUT.REVISION_MISMATCH)',
} as const;

/** Rollouts per policy (policy ids URL-encoded in the path). */
@ApiTags('rollouts')
@ApiBearerAuth()
@Controller('v1/rollouts/:policyId')
export class RolloutsController {
  constructor(private readonly rollouts: RolloutCommandsService) {}

  @Get()
  @Roles('author', 'reviewer', 'team-lead', 'security', 'platform', 'oncall', 'auditor', 'admin')
  @ApiOperation({ summary: 'Stable version, canary, pin, kill switch and the current gate verdict' })
  @ApiOkResponse({ type: RolloutViewDto })
  status(@Param('policyId', PolicyIdPipe) policyId: string): View {
    return this.rollouts.status(policyId);
  }

  @Post('check-gates') @HttpCode(200)
  @Roles('author', 'reviewer', 'team-lead', 'security', 'platform', 'oncall', 'auditor', 'admin')
  @ApiOperation({ summary: 'Evaluate the gates on supplied metrics (runbook: Canary Won\'t Promote); changes nothing' })
  @ApiOkResponse({ type: GateReportDto })
  checkGates(@Param('policyId', PolicyIdPipe) policyId: string, @Body() body: CheckGatesDto): Promise<GateReport> {
    const totals = (m: GateMetricsDto): WindowTotals => ({
      total: m.decisions, errors: m.errors, denies: m.denies, meanEvaluationNs: m.meanEvaluationNs ?? 0, ...(m.costSum !== undefined ? { costSum: m.costSum } : {}),
    });
    return this.rollouts.checkGates(policyId, totals(body), body.stable ? totals(body.stable) : undefined);
  }

  @Post('start') @HttpCode(200) @Roles('platform', 'oncall', 'team-lead', 'admin')
  @ApiOperation({ summary: 'Start a canary at 10% with a signed version' })
  @ApiHeader(ifMatchDoc)
  @ApiProblems(COMMAND_PROBLEMS)
  @ApiOkResponse({ type: RolloutViewDto })
  start(@Param('policyId', PolicyIdPipe) policyId: string, @Body() body: StartRolloutDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string): View {
    requireRolloutAccess(who, policyId, 'start');
    return this.rollouts.start(policyId, body.version, who, { ifMatch: parseIfMatch(ifMatch) });
  }

  @Post('promote') @HttpCode(200) @Roles('platform', 'oncall', 'team-lead', 'admin')
  @ApiOperation({ summary: 'Promote the canary a step (10 → 50 → 100) when its gate passes, or with an override' })
  @ApiHeader(ifMatchDoc)
  @ApiProblems(COMMAND_PROBLEMS)
  @ApiOkResponse({ type: RolloutViewDto })
  promote(@Param('policyId', PolicyIdPipe) policyId: string, @Body() body: PromoteRolloutDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string): View {
    requireRolloutAccess(who, policyId, 'promote');
    return this.rollouts.promote(policyId, who, body.override?.reason, { ifMatch: parseIfMatch(ifMatch) });
  }

  @Post('rollback') @HttpCode(200) @Roles('oncall', 'platform', 'team-lead', 'admin')
  @ApiOperation({ summary: 'Drop the canary, or put the previous (or a named, previously served) stable version back' })
  @ApiHeader(ifMatchDoc)
  @ApiProblems(COMMAND_PROBLEMS)
  @ApiOkResponse({ type: RolloutViewDto })
  rollback(@Param('policyId', PolicyIdPipe) policyId: string, @Body() body: RollbackDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string): View {
    requireRolloutAccess(who, policyId, 'rollback');
    const named = body.toVersion !== undefined ? { toVersion: body.toVersion } : {};
    return this.rollouts.rollback(policyId, who, body.reason, body.createIncident === true, { ifMatch: parseIfMatch(ifMatch), ...named });
  }

  @Post('pause') @HttpCode(200) @Roles('oncall', 'platform', 'team-lead', 'admin')
  @ApiHeader(ifMatchDoc)
  @ApiProblems(COMMAND_PROBLEMS)
  @ApiOkResponse({ type: RolloutViewDto })
  pause(@Param('policyId', PolicyIdPipe) policyId: string, @Body() body: ReasonDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string): View {
    requireRolloutAccess(who, policyId, 'pause');
    return this.rollouts.pause(policyId, who, body.reason, { ifMatch: parseIfMatch(ifMatch) });
  }

  @Post('resume') @HttpCode(200) @Roles('oncall', 'platform', 'team-lead', 'admin')
  @ApiHeader(ifMatchDoc)
  @ApiProblems(COMMAND_PROBLEMS)
  @ApiOkResponse({ type: RolloutViewDto })
  resume(@Param('policyId', PolicyIdPipe) policyId: string, @Body(NoBodyPipe) _body: undefined, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string): View {
    requireRolloutAccess(who, policyId, 'resume');
    return this.rollouts.resume(policyId, who, { ifMatch: parseIfMatch(ifMatch) });
  }

  @Post('pin') @HttpCode(200) @Roles('oncall', 'platform', 'team-lead', 'admin')
  @ApiOperation({ summary: 'Serve one version to every cohort until unpinned' })
  @ApiHeader(ifMatchDoc)
  @ApiProblems(COMMAND_PROBLEMS)
  @ApiOkResponse({ type: RolloutViewDto })
  pin(@Param('policyId', PolicyIdPipe) policyId: string, @Body() body: PinVersionDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string): View {
    requireRolloutAccess(who, policyId, 'pin');
    return this.rollouts.pin(policyId, body.version, who, body.reason, { ifMatch: parseIfMatch(ifMatch) });
  }

  @Post('unpin') @HttpCode(200) @Roles('oncall', 'platform', 'team-lead', 'admin')
  @ApiHeader(ifMatchDoc)
  @ApiProblems(COMMAND_PROBLEMS)
  @ApiOkResponse({ type: RolloutViewDto })
  unpin(@Param('policyId', PolicyIdPipe) policyId: string, @Body(NoBodyPipe) _body: undefined, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string): View {
    requireRolloutAccess(who, policyId, 'unpin');
    return this.rollouts.unpin(policyId, who, { ifMatch: parseIfMatch(ifMatch) });
  }

  @Post('disable') @HttpCode(200) @Roles('admin')
  @ApiHeader({ name: OVERRIDE_HEADER, required: true, description: 'must be "true"' })
  @ApiProblems(COMMAND_PROBLEMS)
  @ApiOkResponse({ type: RolloutViewDto })
  @ApiOperation({ summary: 'Kill switch: stop serving every version; decisions fail open or closed as chosen' })
  disable(@Param('policyId', PolicyIdPipe) policyId: string, @Body() body: DisablePolicyDto, @Headers(OVERRIDE_HEADER) override: string | undefined, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string): View {
    requireOverrideHeader(override);
    return this.rollouts.disable(policyId, who, body.mode, body.reason, { ifMatch: parseIfMatch(ifMatch) });
  }

  @Post('enable') @HttpCode(200) @Roles('admin')
  @ApiHeader({ name: OVERRIDE_HEADER, required: true, description: 'must be "true"' })
  @ApiProblems(COMMAND_PROBLEMS)
  @ApiOkResponse({ type: RolloutViewDto })
  enable(@Param('policyId', PolicyIdPipe) policyId: string, @Body() body: ReasonDto, @Headers(OVERRIDE_HEADER) override: string | undefined, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string): View {
    requireOverrideHeader(override);
    return this.rollouts.enable(policyId, who, body.reason, { ifMatch: parseIfMatch(ifMatch) });
  }
}
