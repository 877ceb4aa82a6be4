import type { StoredEvent } from '@edict/event-store';
import { ExceptionRecords, type ExceptionRecord } from './audit-report-exceptions';

/** One line of a version's change record, in log order, traceable to its position and hash. */
export interface ChangeStep {
  readonly at: string;
  readonly step: string;
  readonly by: string;
  readonly detail: string;
  readonly position: number;
  readonly hash: string;
}

/** Everything the log says about one version, and a summary a ticket can quote. */
export interface VersionRecord {
  readonly version: string;
  readonly digest: string;
  readonly authors: string[];
  validation?: string;
  approvedBy: string[];
  emergency: boolean;
  signature?: string;
  status: string;
  readonly steps: ChangeStep[];
}

export interface PolicyReport {
  readonly policyId: string;
  readonly versions: VersionRecord[];
  /** events about the policy, not one version: kill switches */
  readonly policySteps: ChangeStep[];
  /** the policy's exceptions (ExceptionRequested … Expired), in request order */
  readonly exceptions: ExceptionRecord[];
  readonly events: number;
}

type Data = Readonly<Record<string, unknown>>;
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v));

/** Builds the change record of a policy from its audit export (`GET /v1/audit/export?policy=`), in log order; `now` tells an approved exception past its expiry. */
export function buildPolicyReport(policyId: string, events: Iterable<StoredEvent>, now: Date = new Date()): PolicyReport {
  const versions = new Map<string, VersionRecord>();
  const incidents = new Map<string, string>();
  const policySteps: ChangeStep[] = [];
  const exceptions = new ExceptionRecords();
  let count = 0;
  const record = (version: string, digest = ''): VersionRecord => {
    let r = versions.get(version);
    if (!r) versions.set(version, (r = { version, digest, authors: [], approvedBy: [], emergency: false, status: 'drafted', steps: [] }));
    return r;
  };
  for (const event of events) {
    count += 1;
    const d = (event.data ?? {}) as Data;
    const step = (at: unknown, name: string, by: unknown, detail: string): ChangeStep => ({ at: str(at) || event.recordedAt, step: name, by: str(by) || str(event.metadata.actor), detail, position: event.position, hash: event.hash });
    const add = (version: unknown, at: unknown, name: string, by: unknown, detail = ''): VersionRecord => {
      const r = record(str(version), str(d['digest']));
      r.steps.push(step(at, name, by, detail));
      return r;
    };
    const incidentVersion = typeof d['incidentId'] === 'string' ? incidents.get(d['incidentId']) : undefined;
    switch (event.type) {
      case 'BundleDrafted':
      case 'BundleDraftRevised': {
        const drafted = event.type === 'BundleDrafted';
        const r = add(d['version'], drafted ? d['draftedAt'] : d['revisedAt'], drafted ? 'drafted' : 'revised', d['author'], `digest ${str(d['digest'])}`);
        if (!r.authors.includes(str(d['author']))) r.authors.push(str(d['author']));
        break;
      }
      case 'BundleSubmitted':
        add(d['version'], d['submittedAt'], 'submitted', d['submittedBy']).status = 'submitted';
        break;
      case 'BundleValidated':
      case 'BundleValidationFailed': {
        const report = (d['report'] ?? {}) as { checks?: { name: string; status: string; findings?: unknown[] }[] };
        const checks = report.checks?.map((c) => `${c.name} ${c.status}${c.findings?.length ? ` (${c.findings.length} findings)` : ''}`).join(', ') ?? (d['checks'] as string[] | undefined)?.join(', ') ?? '';
        const verdict = event.type === 'BundleValidated' ? 'passed' : 'failed';
        const r = add(d['version'], d['validatedAt'], `validation ${verdict}`, 'system:validation', checks);
        r.validation = verdict;
        r.status = verdict === 'passed' ? 'validated' : 'validation failed';
        break;
      }
      case 'BundleApprovalGranted': {
        const emergency = d['emergency'] === true;
        const r = add(d['version'], d['grantedAt'], emergency ? 'approval (EMERGENCY)' : 'approval', d['approver'], [`role ${str(d['role'])}`, emergency ? `reason: ${str(d['reason'])}` : '', d['comment'] ? `comment: ${str(d['comment'])}` : ''].filter(Boolean).join('; '));
        r.approvedBy.push(`${str(d['approver'])} (${str(d['role'])})`);
        if (emergency) r.emergency = true;
        break;
      }
      case 'BundleApproved':
        add(d['version'], d['approvedAt'], d['emergency'] ? 'approved (emergency path)' : 'approved', 'system:authoring', (d['approvers'] as { subject: string; role: string }[] | undefined)?.map((a) => `${a.subject} (${a.role})`).join(', ') ?? '').status = 'approved';
        break;
      case 'EmergencyApprovalConfirmed':
        add(d['version'], d['confirmedAt'], 'emergency approval confirmed', d['confirmedBy'], `role ${str(d['role'])}${d['comment'] ? `; comment: ${str(d['comment'])}` : ''}`);
        break;
      case 'BundleSigned': {
        const r = add(d['version'], d['signedAt'], 'signed', 'system:signing', `key ${str(d['kid'])} (${str(d['alg'])}), signature ${str(d['signature']).slice(-16)}…`);
        r.signature = `${str(d['kid'])} (${str(d['alg'])})`;
        r.status = 'signed';
        break;
      }
      case 'RolloutStarted':
        add(d['version'], d['startedAt'], `rollout started at ${str(d['percentage'])}%`, d['startedBy'], `stable ${str(d['stableVersion']) || 'none'}`).status = `serving ${str(d['percentage'])}%`;
        break;
      case 'RolloutPromoted': {
        const gate = (d['gate'] ?? {}) as { passed?: boolean; overridden?: boolean; reason?: string; failures?: string[]; overriddenBy?: string };
        const detail = gate.overridden ? `GATE OVERRIDDEN by ${str(gate.overriddenBy)}: ${str(gate.reason)}; failed: ${(gate.failures ?? []).join('; ')}` : `gates: ${str(gate.reason)}`;
        add(d['version'], d['promotedAt'], `promoted ${str(d['from'])}% → ${str(d['to'])}%`, d['promotedBy'], detail).status = `serving ${str(d['to'])}%`;
        break;
      }
      case 'RolloutPaused':
        add(d['version'], d['pausedAt'], `paused at ${str(d['percentage'])}%`, d['pausedBy'], `reason: ${str(d['reason'])}`);
        break;
      case 'RolloutResumed':
        add(d['version'], d['resumedAt'], `resumed at ${str(d['percentage'])}%`, d['resumedBy']);
        break;
      case 'VersionPinned':
        add(d['version'], d['pinnedAt'], 'pinned', d['pinnedBy'], `reason: ${str(d['reason'])}`);
        break;
      case 'VersionUnpinned':
        add(d['version'], d['unpinnedAt'], 'unpinned', d['unpinnedBy']);
        break;
      case 'BundleRolledBack':
        add(d['fromVersion'], d['rolledBackAt'], d['automatic'] ? 'rolled back (automatic)' : 'rolled back', d['rolledBackBy'], `to ${str(d['toVersion']) || 'nothing'}; reason: ${str(d['reason'])}${d['incidentId'] ? `; incident ${str(d['incidentId'])}` : ''}`).status = 'rolled back';
        break;
      case 'BundleArchived':
        add(d['version'], d['archivedAt'], 'archived', 'system:authoring', `reason: ${str(d['reason'])}`).status = `archived (${str(d['reason'])})`;
        break;
      case 'PolicyDisabled':
      case 'PolicyEnabled': {
        const on = event.type === 'PolicyDisabled';
        policySteps.push(step(on ? d['disabledAt'] : d['enabledAt'], on ? `KILL SWITCH ON (${str(d['mode'])})` : 'kill switch off', on ? d['disabledBy'] : d['enabledBy'], `reason: ${str(d['reason'])}${d['system'] ? ' (system-wide)' : ''}`));
        break;
      }
      case 'PolicyRetired':
        policySteps.push(step(d['retiredAt'], d['forced'] ? 'RETIRED (forced)' : 'retired', d['retiredBy'], `reason: ${str(d['reason'])}; ${str(d['recentDecisions'])} decisions in the last ${str(d['quietDays'])} days; the id serves again only above major ${str(d['lastMajor'])}`));
        break;
      case 'IncidentOpened':
        incidents.set(str(d['incidentId']), str(d['version']));
        add(d['version'], d['openedAt'], `incident ${str(d['incidentId'])} opened (${str(d['severity'])})`, 'system:incident-response', `trigger ${str(d['trigger'])}: ${str(d['summary'])}`);
        break;
      case 'RollbackRequested':
        add(d['version'], d['requestedAt'], `rollback requested by incident ${str(d['incidentId'])}`, 'system:incident-response', `reason: ${str(d['reason'])}`);
        break;
      default:
        if (exceptions.add(event, d, step)) break;
        if (incidentVersion !== undefined && event.type.startsWith('Incident')) {
          const by = d['acknowledgedBy'] ?? d['resolvedBy'];
          const detail = d['resolution'] ? `resolution: ${str(d['resolution'])}` : '';
          add(incidentVersion, d['acknowledgedAt'] ?? d['resolvedAt'], `incident ${str(d['incidentId'])}: ${event.type.replace(/^Incident/, '').toLowerCase()}`, by ?? 'system:incident-response', detail);
        }
    }
  }
  return { policyId, versions: [...versions.values()], policySteps, exceptions: exceptions.list(now), events: count };
}
