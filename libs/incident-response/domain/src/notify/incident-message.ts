import type { IncidentSeverity } from '@edict/contracts';

/** What a notification says, in the runbook's "Notification Format". */
export interface IncidentMessage {
  readonly incidentId: string;
  readonly severity: IncidentSeverity;
  /** e.g. "Deny Rate High", "Rollback Failed" */
  readonly title: string;
  readonly policyId: string;
  readonly version: string;
  /** percentage of cohorts the version served, when known */
  readonly canaryShare: number | null;
  /** e.g. "Deny Rate" */
  readonly metric: string;
  readonly observed: number | null;
  readonly threshold: number | null;
  readonly durationSeconds: number | null;
  /** e.g. "Auto-rollback initiated" */
  readonly action: string;
  readonly runbook: string;
}

export const DEFAULT_RUNBOOK_URL = 'https://github.com/edict/edict/blob/main/docs/operations.md#incidents';

const METRICS: Readonly<Record<string, string>> = {
  error_rate: 'Error Rate', deny_rate: 'Deny Rate', no_match: 'No-Match Rate', cost: 'Cost Increase', budget: 'Daily Budget Used', manual: 'Manual Rollback',
};

export const metricLabel = (trigger: string): string => METRICS[trigger] ?? trigger;

const pct = (f: number): string => `${Math.round(f * 1000) / 10}%`;
const share = (m: IncidentMessage): string => (m.canaryShare === null ? '' : m.canaryShare >= 100 ? ' (100%)' : ` (Canary ${m.canaryShare}%)`);
const duration = (s: number): string => (s >= 120 ? `${Math.round(s / 60)} minutes` : `${Math.round(s)} seconds`);

/** The runbook's text lines: title, bundle, metric (threshold), duration, action, runbook. */
export const messageLines = (m: IncidentMessage): string[] => [
  `🚨 [POLICY ALERT] ${m.title} (${m.incidentId}, ${m.severity.toUpperCase()})`,
  `Bundle: ${m.policyId}@${m.version}${share(m)}`,
  ...(m.observed !== null && m.threshold !== null ? [`${m.metric}: ${pct(m.observed)} (threshold: ${pct(m.threshold)})`] : [`${m.metric}`]),
  ...(m.durationSeconds !== null ? [`Duration: ${duration(m.durationSeconds)}`] : []),
  `Action: ${m.action}`,
  `Runbook: ${m.runbook}`,
];

/** A Slack incoming-webhook body (`text` in mrkdwn, the same lines as a section block). */
export const slackBody = (m: IncidentMessage): Record<string, unknown> => {
  const text = messageLines(m).join('\n');
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
};

/** The generic JSON body: every field of the message, plus the text. */
export const genericBody = (m: IncidentMessage): Record<string, unknown> => ({ ...m, text: messageLines(m).join('\n') });
