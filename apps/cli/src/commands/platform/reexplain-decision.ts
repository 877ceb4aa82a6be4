import type { DecisionLogged } from '@edict/contracts';
import type { DecisionExplanationView } from '@edict/pdp';
import { compileBundle, compileWaiver, explainDecision, type RuleWaiver } from '@edict/policy-engine';

type Decision = DecisionLogged['data'];

export interface ReExplained {
  readonly decisionId: string;
  readonly stored: Decision['result'];
  readonly reexplained: ExplainedResult;
  /** true when the re-explanation's effect, rule and tier are the stored ones */
  readonly agrees: boolean;
  /** request fields the decision log holds masked ("***" somewhere under them) */
  readonly maskedFields: readonly string[];
  readonly notes: readonly string[];
  readonly explanation: DecisionExplanationView;
}

type ExplainedResult = Pick<Decision['result'], 'effect' | 'rule' | 'tier' | 'reason' | 'noMatch'> & { readonly exception?: string };

const MASK = '***';

/** The top-level request fields (agent, action, resource, context.<key>) under which the log holds "***". */
export function maskedFieldsOf(request: Decision['request']): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (value === MASK) found.push(path);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(request, '');
  return found;
}

/**
 * A stored decision explained again offline: the documents of the versions that made it (in the
 * decision's tier order), the exception it cites if given, on the request as the log holds it.
 * A masked field is evaluated as "***", so the answer can differ from the stored one: `agrees`
 * and `notes` say so rather than pretend.
 */
export function reExplainDecision(decision: Decision, documents: readonly unknown[], exception?: { readonly exceptionId: string; readonly policyId: string; readonly ruleId: string; readonly resource: string; readonly agent?: string }): ReExplained {
  const tiers = documents.map((d) => compileBundle(d));
  const exceptions: RuleWaiver[] = exception ? [compileWaiver({ id: exception.exceptionId, policyId: exception.policyId, ruleId: exception.ruleId, resource: exception.resource, ...(exception.agent ? { agent: exception.agent } : {}) })] : [];
  const explained = explainDecision(tiers, decision.request, exceptions.length ? { exceptions } : {});
  const d = explained.decision;
  const reexplained: ExplainedResult = { effect: d.effect, rule: d.decidingRule, tier: d.decidingTier, reason: d.reason, noMatch: d.noMatch, ...(d.exception ? { exception: d.exception } : {}) };
  const agrees = reexplained.effect === decision.result.effect && reexplained.rule === decision.result.rule && reexplained.tier === decision.result.tier;
  const maskedFields = maskedFieldsOf(decision.request);
  const notes: string[] = [];
  if (maskedFields.length) notes.push(`the decision log holds ${maskedFields.join(', ')} masked ("***"); this re-explanation evaluated the mask, not the value the PDP saw${agrees ? '' : ', which may be why it differs'}`);
  if (!agrees) notes.push(`the re-explanation (${reexplained.effect}${reexplained.rule ? ` by ${reexplained.rule}` : ''}) differs from the stored decision (${decision.result.effect}${decision.result.rule ? ` by ${decision.result.rule}` : ''})`);
  if (decision.result.exception && !exception) notes.push(`the decision cites ${decision.result.exception}, which could not be fetched; re-explained without it`);
  const refs = new Map(decision.bundles.map((b) => [b.policyId, b]));
  return {
    decisionId: decision.decisionId,
    stored: decision.result,
    reexplained,
    agrees,
    maskedFields,
    notes,
    explanation: {
      tiers: explained.tiers.map((t) => ({ ...t, cohort: refs.get(t.policyId)?.cohort ?? 0, canary: refs.get(t.policyId)?.canary ?? false })),
      versions: decision.bundles.map((b) => `${b.policyId}@${b.version}`),
      cohort: refs.get(decision.policyId)?.cohort ?? null,
      canary: decision.bundles.some((b) => b.canary),
      exception: d.exception ?? null,
      evaluationNs: decision.evaluationNs,
    },
  };
}
