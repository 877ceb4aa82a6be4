import type { CompiledRule, RuleIndex } from './compiled-bundle.types';

/** Key of the agent-and-action map. NUL cannot occur in either (the request check refuses it). */
export const agentActionKey = (agent: string, action: string): string => `${agent}\u0000${action}`;

const push = (map: Map<string, CompiledRule[]>, key: string, rule: CompiledRule): void => {
  const list = map.get(key);
  if (list) list.push(rule);
  else map.set(key, [rule]);
};

/** Indexes rules (given in rank order, so every list stays in rank order). */
export function buildRuleIndex(rules: readonly CompiledRule[]): RuleIndex {
  const byAgentAction = new Map<string, CompiledRule[]>();
  const byAgent = new Map<string, CompiledRule[]>();
  const byAction = new Map<string, CompiledRule[]>();
  const fallback: CompiledRule[] = [];
  for (const rule of rules) {
    if (rule.agent.exact && rule.action.exact) push(byAgentAction, agentActionKey(rule.agent.source, rule.action.source), rule);
    else if (rule.agent.exact) push(byAgent, rule.agent.source, rule);
    else if (rule.action.exact) push(byAction, rule.action.source, rule);
    else fallback.push(rule);
  }
  return { byAgentAction, byAgent, byAction, fallback };
}
