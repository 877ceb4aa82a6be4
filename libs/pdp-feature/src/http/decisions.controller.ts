import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DecisionLogged } from '@edict/contracts';
import { DecisionPoint } from '@edict/pdp';
import { CurrentPrincipal, Roles, type Principal } from '@edict/service-kit';
import { DecisionService } from '../decide/decision.service';
import { DecideBodyPipe } from './decide-body.pipe';
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
  decide(@Body(DecideBodyPipe) body: DecideBody, @CurrentPrincipal() who: Principal): DecisionLogged['data'] {
    // Served by the fast path (http/fast) in a running PDP; this route stays for the OpenAPI
    // document and for requests the fast path hands on (unusual framing, content encodings).
    return this.decisions.decide(body, who);
  }

  @Get('policies')
  @Roles(...CALLERS)
  @ApiOperation({ summary: 'The policies this decision point holds, with their stable and canary versions' })
  policies(): unknown[] {
    return this.pdp.loaded().map((p) => ({
      policyId: p.policyId,
      revision: p.revision,
      stable: p.stable?.version ?? null,
      canary: p.canary ? { version: p.canary.bundle.version, percentage: p.canary.percentage } : null,
    }));
  }
}
