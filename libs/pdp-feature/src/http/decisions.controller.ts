import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { tierOfPolicyId, type DecisionLogged } from '@edict/contracts';
import { DecisionPoint } from '@edict/pdp';
import { CurrentPrincipal, Roles, type Principal } from '@edict/service-kit';
import { DecisionLogBuffer } from '../logging/decision-log.buffer';
import { PdpMetrics } from '../pdp.metrics';
import { DecideBodyPipe } from './decide-body.pipe';
import { requireSubject, subjectBindingFromEnv } from './subject-binding';
import { decideRequestSchema, type DecideBody } from './decide-request.schema';

const CALLERS = ['author', 'reviewer', 'team-lead', 'security', 'platform', 'oncall', 'auditor', 'admin'] as const;

/** The sidecar's HTTP face: decisions for callers that are not Node. */
@ApiTags('decisions')
@ApiBearerAuth()
@Controller('v1')
export class DecisionsController {
  private readonly binding = subjectBindingFromEnv();

  constructor(private readonly pdp: DecisionPoint, private readonly log: DecisionLogBuffer, private readonly metrics: PdpMetrics) {}

  @Post('decisions')
  @HttpCode(200)
  @Roles(...CALLERS)
  @ApiOperation({ summary: 'Decide a request across the policy and its parent tiers; the decision is logged to edict.decisions.v1' })
  @ApiBody({ schema: decideRequestSchema as unknown as Record<string, unknown> })
  decide(@Body(DecideBodyPipe) body: DecideBody, @CurrentPrincipal() who: Principal): DecisionLogged['data'] {
    tierOfPolicyId(body.policyId);
    requireSubject(this.binding, body.subject, who.subject);
    const decision = this.pdp.decide({ policyId: body.policyId, subject: body.subject, request: { ...body.request } });
    const canary = decision.bundles.some((b) => b.canary);
    this.metrics.decisions.inc({ policy: body.policyId, effect: decision.result.effect, canary: String(canary) });
    this.metrics.evaluation.observe(decision.evaluationNs / 1e9);
    if (decision.result.error) this.metrics.errors.inc({ policy: body.policyId, code: decision.result.error.code });
    this.log.add(decision);
    return decision;
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
