import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ValidationError } from '@edict/core';
import { DecisionPoint } from '@edict/pdp';
import { CurrentPrincipal, Roles, type Principal } from '@edict/service-kit';
import { DecisionService } from '../decide/decision.service';
import { DecideBodyPipe } from './decide-body.pipe';
import { HeldPolicyDto, PdpDecisionDto } from './decision.response';
import { decideRequestSchema, type DecideBody } from './decide-request.schema';
import { DECISION_CALLERS as CALLERS } from './decision-callers';

/** The sidecar's HTTP face: decisions for callers that are not Node. */
@ApiTags('decisions')
@ApiBearerAuth()
@Controller('v1')
export class DecisionsController {
  constructor(private readonly pdp: DecisionPoint, private readonly decisions: DecisionService) {}

  @Post('decisions')
  @HttpCode(200)
  @Roles(...CALLERS)
  @ApiOperation({ summary: 'Decide a request across the policy and its parent tiers; the decision is logged to edict.decisions.v1' })
  @ApiBody({ schema: decideRequestSchema as unknown as Record<string, unknown> })
  @ApiQuery({ name: 'explain', required: false, enum: ['full'], description: 'full: add `explanation` (every tier, the rules considered in order and why each matched or not, versions, cohort, canary, exception, timing)' })
  @ApiOkResponse({ type: PdpDecisionDto })
  decide(@Body(DecideBodyPipe) body: DecideBody, @CurrentPrincipal() who: Principal, @Query('explain') explain?: string): PdpDecisionDto {
    // A running PDP answers this route with the lean runtime's handler (http/fast, runtime/); the
    // controller is what the OpenAPI document is built from (runtime/pdp-openapi.app.ts, a Nest app
    // that never listens), and it answers the same way.
    if (explain === undefined) return this.decisions.decide(body, who);
    if (explain !== 'full') throw new ValidationError('PDP.EXPLAIN_INVALID', `explain must be "full", not "${explain}"`);
    return this.decisions.explain(body, who);
  }

  @Get('policies')
  @Roles(...CALLERS)
  @ApiOperation({ summary: 'The policies this decision point holds, with their stable and canary versions' })
  @ApiOkResponse({ type: [HeldPolicyDto] })
  policies(): HeldPolicyDto[] {
    return this.pdp.loaded().map((p) => ({
      policyId: p.policyId,
      revision: p.revision,
      stable: p.stable?.version ?? null,
      canary: p.canary ? { version: p.canary.bundle.version, percentage: p.canary.percentage } : null,
    }));
  }
}
