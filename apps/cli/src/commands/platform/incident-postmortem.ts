/** What `GET /v1/incidents/{id}` answers, as far as the post-mortem needs it. */
export interface IncidentView {
  readonly incidentId: string;
  readonly policyId: string;
  readonly version: string;
  readonly trigger: string;
  readonly severity: string;
  readonly status: string;
  readonly resolution?: string;
  readonly timeline: {
    readonly entries: readonly { readonly at: string; readonly event: string; readonly what: string; readonly by?: string }[];
    readonly openedAt: string | null;
    readonly rolledBackAt: string | null;
    readonly resolvedAt: string | null;
    readonly mttrMs: number | null;
    readonly timeToRollbackMs: number | null;
    readonly fromVersion: string | null;
    readonly toVersion: string | null;
  };
  readonly impact: { readonly decisionsAffected: number; readonly canaryShare: number | null };
}

const FILL = '[fill in]';
const clock = (iso: string): string => iso.slice(11, 19);
const span = (ms: number): string => (ms < 120_000 ? `${Math.round(ms / 1000)} seconds` : `${Math.round(ms / 60_000)} minutes`);

const impactLines = (v: IncidentView): string[] => {
  const t = v.timeline;
  const end = t.rolledBackAt ?? t.resolvedAt;
  const duration = t.openedAt && end ? `${span(Date.parse(end) - Date.parse(t.openedAt))} (${clock(t.openedAt)} - ${clock(end)})` : `ongoing since ${t.openedAt ?? '?'}`;
  const share = v.impact.canaryShare;
  return [
    `- **Duration**: ${duration}`,
    `- **Canary Traffic**: ${share === null ? 'unknown' : `${share}% of production`}`,
    `- **Decisions Affected**: ${v.impact.decisionsAffected} (in the windows that triggered or were added as evidence)`,
    `- **User Impact**: ${share !== null && share < 100 ? 'canary only (contained)' : FILL}`,
    `- **Versions**: ${t.fromVersion ?? v.version} → ${t.toVersion ?? (t.rolledBackAt ? 'nothing served' : 'not rolled back')}`,
    `- **Time to Rollback**: ${t.timeToRollbackMs === null ? 'not rolled back' : span(t.timeToRollbackMs)}`,
    `- **MTTR**: ${t.mttrMs === null ? 'not resolved yet' : span(t.mttrMs)}`,
  ];
};

/** The runbook's post-mortem template, filled with the incident's timeline, impact and versions. */
export function renderPostmortem(v: IncidentView, author?: string): string {
  const t = v.timeline;
  const summary = t.entries[0]?.what.replace(/^opened \([a-z]+\): /, '') ?? v.trigger;
  const outcome = t.rolledBackAt ? ` ${t.fromVersion ?? v.version} was rolled back to ${t.toVersion ?? 'nothing'}.` : '';
  const multiDay = new Set(t.entries.map((e) => e.at.slice(0, 10))).size > 1;
  return [
    `# Policy Post-Mortem: ${v.incidentId} ${v.policyId}@${v.version} (${v.trigger.replace(/_/g, ' ')})`,
    '',
    `**Date**: ${(t.openedAt ?? '').slice(0, 10)}`,
    `**Author**: ${author ?? FILL}`,
    `**Reviewers**: ${FILL}`,
    '',
    '## Summary',
    `${v.severity.toUpperCase()} incident: ${summary}.${outcome} Status: ${v.status}${v.resolution ? ` (${v.resolution})` : ''}.`,
    '',
    '## Timeline (UTC)',
    ...t.entries.map((e) => `- ${multiDay ? `${e.at.slice(0, 10)} ` : ''}${clock(e.at)}: ${e.what}${e.by ? ` (${e.by})` : ''}`),
    '',
    '## Impact',
    ...impactLines(v),
    '',
    '## Root Cause',
    '[Detailed explanation of what went wrong]',
    '',
    '## What Went Well',
    '- [Positive aspects of response]',
    '',
    '## What Went Wrong',
    '- [Problems during incident]',
    '',
    '## Action Items',
    '- [ ] [Owner] [Action] [Due Date]',
    '',
    '## Lessons Learned',
    '[Key takeaways for future reference]',
    '',
    '## Related Incidents',
    `- ${FILL}`,
    '',
  ].join('\n');
}
