import { statusWord, table } from './output-format';

interface Active { readonly version: string; readonly since: string | null; readonly activeForSeconds: number | null }

/** A policy of `GET /v1/rollouts?active_only=true`, as far as the table reads it. */
export interface ActivePolicy {
  readonly policyId: string;
  readonly stable: Active | null;
  readonly canary: (Active & { readonly percentage: number; readonly paused: boolean }) | null;
  readonly pinned: { readonly version: string } | null;
  readonly killSwitch: { readonly mode: string } | null;
  readonly canaryShare: number;
  readonly lastChange: { readonly type: string; readonly version: string | null; readonly at: string; readonly by: string } | null;
}

/** 90 → "1m 30s", 90000 → "1d 1h": how long a version has served, short enough for a table cell. */
export const duration = (seconds: number | null): string => {
  if (seconds === null) return '';
  const d = Math.floor(seconds / 86_400), h = Math.floor((seconds % 86_400) / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
  const parts = d > 0 ? [`${d}d`, `${h}h`] : h > 0 ? [`${h}h`, `${m}m`] : m > 0 ? [`${m}m`, `${s}s`] : [`${s}s`];
  return parts.join(' ');
};

/** The runbook's "active bundles" as a table: what serves, how much of it, for how long, and the last change. */
export function activePoliciesTable(items: readonly ActivePolicy[]): string {
  return table(['policy', 'stable', 'canary', 'share', 'pinned', 'kill switch', 'active for', 'last change'], items.map((p) => [
    p.policyId,
    p.stable?.version ?? '',
    p.canary ? `${p.canary.version} ${p.canary.percentage}%${p.canary.paused ? ' (paused)' : ''}` : '',
    `${p.canaryShare}%`,
    p.pinned?.version ?? '',
    p.killSwitch ? statusWord(p.killSwitch.mode) : '',
    duration(p.stable?.activeForSeconds ?? p.canary?.activeForSeconds ?? null),
    p.lastChange ? `${p.lastChange.type}${p.lastChange.version ? ` ${p.lastChange.version}` : ''} by ${p.lastChange.by} at ${p.lastChange.at}` : '',
  ]));
}
