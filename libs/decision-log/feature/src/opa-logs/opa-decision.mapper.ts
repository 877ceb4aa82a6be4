import { cohortOf, type DecisionLogged } from '@edict/contracts';
import type { OpaLogEvent } from './opa-log-event';
import { effectOf } from './opa-result.mapper';

type Decision = DecisionLogged['data'];

/** The OPA root prefix of every Edict policy (libs/opa-bundle rego-root: `edict/<policyId>`). */
const ROOT = 'edict/';

const isObject = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);
const stringAt = (input: unknown, key: string): string | undefined => (isObject(input) && typeof input[key] === 'string' ? input[key] : undefined);

/**
 * The Edict policy an OPA decision is about, and the version (bundle revision) that decided:
 * the longest bundle name N with `path` = `edict/N` or under it (bundles named by policy id, as
 * the Bundle API serves them); else the path under `edict/` without a final `allow`/`deny`
 * segment, with the revision of the event's only bundle (null with none or several).
 * Undefined for a path outside `edict/`: not an Edict policy.
 */
export function policyOf(event: Pick<OpaLogEvent, 'path' | 'bundles'>): { policyId: string; version: string | null } | undefined {
  const path = event.path.replace(/^\/+/, '').replace(/^data\//, '');
  if (!path.startsWith(ROOT)) return undefined;
  const bundles = Object.entries(event.bundles ?? {});
  const named = bundles
    .filter(([name]) => path === `${ROOT}${name}` || path.startsWith(`${ROOT}${name}/`))
    .sort(([a], [b]) => b.length - a.length)[0];
  if (named) return { policyId: named[0], version: named[1].revision || null };
  const policyId = path.slice(ROOT.length).replace(/\/(allow|deny)$/, '');
  if (policyId === '') return undefined;
  const only = bundles.length === 1 ? bundles[0]?.[1].revision : undefined;
  return { policyId, version: only || null };
}

const evaluationNsOf = (metrics: OpaLogEvent['metrics']): number => {
  const value = metrics?.['timer_rego_query_eval_ns'] ?? metrics?.['timer_server_handler_ns'];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
};

/** Whether this agent's version of the policy was the canary at `at` (ISO; decided by the caller from the rollout). */
export type CanaryOf = (policyId: string, version: string, at: string) => boolean;

/**
 * An OPA decision-log event as `DecisionLogged` (unmasked: the caller masks). `agentId` is the
 * agent's Edict id (the `x-edict-agent-id` header or the token's subject, as the Bundle API
 * takes it): the decisionPoint and the cohort key. `labels.id` is not used: OPA draws a new one
 * at every start. The subject is
 * `input.subject` when a string, else the agent; request = `{agent, action, resource, context}`
 * with agent = input.agent or the agent id, action = input.action or the queried path, resource =
 * input.resource or input.url or '', and context = the whole input (so masking rules on
 * `context.…` and the default secret keys apply to it).
 */
export function decisionOfOpaEvent(event: OpaLogEvent, agentId: string, canaryOf: CanaryOf): Decision | undefined {
  const policy = policyOf(event);
  if (!policy) return undefined;
  const input = event.input;
  const cohort = cohortOf(policy.policyId, agentId);
  const timestamp = new Date(event.timestamp).toISOString();
  return {
    decisionId: event.decision_id,
    timestamp,
    policyId: policy.policyId,
    version: policy.version,
    subject: stringAt(input, 'subject') ?? agentId,
    request: {
      agent: stringAt(input, 'agent') ?? agentId,
      action: stringAt(input, 'action') ?? event.path,
      resource: stringAt(input, 'resource') ?? stringAt(input, 'url') ?? '',
      context: isObject(input) ? input : input === undefined ? {} : { input },
    },
    result: effectOf(event.path, event.result, event.error),
    bundles: policy.version === null ? [] : [{ policyId: policy.policyId, version: policy.version, cohort, canary: canaryOf(policy.policyId, policy.version, timestamp) }],
    evaluationNs: evaluationNsOf(event.metrics),
    source: 'opa',
    decisionPoint: agentId,
  };
}
