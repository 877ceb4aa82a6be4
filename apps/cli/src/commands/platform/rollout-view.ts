import { duration } from './active-policies';
import { describeValue } from './describe-value';
import { gateTable } from './gate-table';
import { colors, statusWord, table } from './output-format';

interface Served { readonly version: string; readonly percentage?: number; readonly paused?: boolean; readonly activeForSeconds?: number | null }

/** What `GET /v1/rollouts/{policyId}` (and the rollout commands) answer, as far as the table reads it. */
interface RolloutView {
  readonly policyId?: string;
  readonly stable?: Served | null;
  readonly canary?: Served | null;
  readonly pinned?: { readonly version: string } | null;
  readonly killSwitch?: { readonly mode: string; readonly reason?: string } | null;
  readonly revision?: number;
}

/** A rollout for people: what serves and how much, the revision for --if-match, then the gate table. */
export function rolloutLines(value: unknown): string[] {
  const view = value as RolloutView;
  if (typeof view?.policyId !== 'string') return describeValue(value);
  const rows: [string, string][] = [
    ['stable', view.stable ? `${view.stable.version}${view.stable.activeForSeconds ? ` (for ${duration(view.stable.activeForSeconds)})` : ''}` : '(none)'],
    ['canary', view.canary ? `${view.canary.version} at ${view.canary.percentage ?? '?'}%${view.canary.paused ? ` ${statusWord('paused')}` : ''}` : '(none)'],
  ];
  if (view.pinned) rows.push(['pinned', view.pinned.version]);
  if (view.killSwitch) rows.push(['kill switch', `${colors.red(view.killSwitch.mode)}${view.killSwitch.reason ? `: ${view.killSwitch.reason}` : ''}`]);
  if (view.revision !== undefined) rows.push(['revision', `${view.revision} (for --if-match)`]);
  const gates = gateTable(value);
  return [table([view.policyId, ''], rows), ...(gates ? [gates.trimEnd()] : [])];
}
