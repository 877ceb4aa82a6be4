import type { DecisionLogged } from '@edict/contracts';
import { callService } from '../platform/http-client';

type Decision = DecisionLogged['data'];

/** decision-log answers at most this many decisions per query; counts beyond it are marked truncated. */
const PAGE = 1000;
const RECENT = 20;

/** The decisions part of the summary: counts over the window and the newest blocked decisions. */
export interface DecisionsSummary {
  readonly policyId: string;
  readonly since: string;
  readonly counts: { readonly allowed: number; readonly blocked: number; readonly total: number; readonly truncated: boolean };
  readonly recentBlocked: readonly { decisionId: string; timestamp: string; agent: string; action: string; resource: string; effect: string; rule: string | null; reason: string }[];
}

/** `15m`, `2h`, `30s`, `1d` → milliseconds; undefined when it is not such a duration. */
export function parseWindow(text: string): number | undefined {
  const m = /^(\d{1,6})(s|m|h|d)$/.exec(text.trim());
  if (!m) return undefined;
  const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}

/** Asks decision-log for the policy's decisions since `since` (newest first): allowed, blocked (deny or require_approval). */
export async function decisionsSince(policyId: string, since: Date): Promise<DecisionsSummary> {
  const query = (effect?: string): string => `/v1/decisions?${new URLSearchParams({ policyId, since: since.toISOString(), limit: String(PAGE), ...(effect && { effect }) }).toString()}`;
  const [allowed, denied, approval] = (await Promise.all([query('allow'), query('deny'), query('require_approval')].map((path) => callService('decision-log', path)))) as { items: Decision[] }[];
  const blocked = [...denied!.items, ...approval!.items].sort((a, b) => b.timestamp.localeCompare(a.timestamp));
  const truncated = [allowed!, denied!, approval!].some((a) => a.items.length >= PAGE);
  return {
    policyId,
    since: since.toISOString(),
    counts: { allowed: allowed!.items.length, blocked: blocked.length, total: allowed!.items.length + blocked.length, truncated },
    recentBlocked: blocked.slice(0, RECENT).map((d) => ({
      decisionId: d.decisionId,
      timestamp: d.timestamp,
      agent: d.request.agent,
      action: d.request.action,
      resource: d.request.resource,
      effect: d.result.effect,
      rule: d.result.rule,
      reason: d.result.reason,
    })),
  };
}
