import { tierOfPolicyId, type DecisionLogged } from '@edict/contracts';
import { maskDecision, type MaskRule } from '@edict/decision-log-domain';
import type { DecisionExplanationView, DecisionPoint } from '@edict/pdp';
import { maskExplanation } from './mask-explanation';
import type { Principal } from '@edict/service-kit/edge';
import type { DecideBody } from '../http/decide-request.schema';
import { requireSubject, subjectBindingFromEnv } from '../http/subject-binding';
import type { DecisionLogBuffer } from '../logging/decision-log.buffer';
import type { PdpMetrics } from '../pdp.metrics';

/**
 * One decision for an HTTP caller, whichever HTTP path it came by (the fast path or Nest's
 * controller): the policy id and subject binding checked, the decision made on the request as
 * sent, counted, then MASKED (EDICT_DECISION_MASK_PATHS and the default secret keys) before it is
 * logged, published or returned: nothing unmasked leaves the PDP.
 */
export class DecisionService {
  private readonly binding = subjectBindingFromEnv();

  constructor(
    private readonly pdp: DecisionPoint,
    private readonly log: DecisionLogBuffer,
    private readonly metrics: PdpMetrics,
    private readonly maskRules: readonly MaskRule[],
  ) {}

  decide(body: DecideBody, who: Principal): DecisionLogged['data'] {
    tierOfPolicyId(body.policyId);
    requireSubject(this.binding, body.subject, who.subject);
    return this.logged(this.pdp.decide({ policyId: body.policyId, subject: body.subject, request: { ...body.request } }));
  }

  /** `?explain=full`: the same decision, logged as usual, with its explanation masked as the request is. */
  explain(body: DecideBody, who: Principal): DecisionLogged['data'] & { readonly explanation: DecisionExplanationView } {
    tierOfPolicyId(body.policyId);
    requireSubject(this.binding, body.subject, who.subject);
    const { decision, explanation } = this.pdp.explain({ policyId: body.policyId, subject: body.subject, request: { ...body.request } });
    const masked = this.logged(decision);
    return { ...masked, explanation: maskExplanation(explanation, masked.request) };
  }

  private logged(decision: DecisionLogged['data']): DecisionLogged['data'] {
    const canary = decision.bundles.some((b) => b.canary);
    this.metrics.decisions.inc({ policy: decision.policyId, effect: decision.result.effect, canary: String(canary) });
    this.metrics.evaluation.observe(decision.evaluationNs / 1e9);
    if (decision.result.error) this.metrics.errors.inc({ policy: decision.policyId, code: decision.result.error.code });
    const masked = maskDecision(decision, this.maskRules);
    this.log.add(masked);
    return masked;
  }
}
