import type { StoredEvent } from '@edict/event-store';
import type { ChangeStep } from './audit-report';

/** One exception of the policy as the audit log tells it: what it waives, who asked and approved, how it ended. */
export interface ExceptionRecord {
  readonly exceptionId: string;
  ruleId: string;
  resource: string;
  subject?: string;
  agent?: string;
  justification: string;
  ticket: string;
  requestedBy: string;
  approvedBy: string[];
  expiresAt: string;
  /** requested | approved | revoked | expired | approved, past expiry (no ExceptionExpired yet) */
  status: string;
  revokedBy?: string;
  revokeReason?: string;
  readonly steps: ChangeStep[];
}

type Data = Readonly<Record<string, unknown>>;
type StepOf = (at: unknown, name: string, by: unknown, detail: string) => ChangeStep;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Collects the Exception* events of the audit export, by exception id, in log order. */
export class ExceptionRecords {
  private readonly records = new Map<string, ExceptionRecord>();

  /** True when the event was an exception's (and was recorded). */
  add(event: StoredEvent, d: Data, step: StepOf): boolean {
    if (!event.type.startsWith('Exception')) return false;
    const id = str(d['exceptionId']);
    let r = this.records.get(id);
    if (!r) this.records.set(id, (r = { exceptionId: id, ruleId: '', resource: '', justification: '', ticket: '', requestedBy: '', approvedBy: [], expiresAt: str(d['expiresAt']), status: 'requested', steps: [] }));
    switch (event.type) {
      case 'ExceptionRequested':
        Object.assign(r, { ruleId: str(d['ruleId']), resource: str(d['resource']), justification: str(d['justification']), ticket: str(d['ticket']), requestedBy: str(d['requestedBy']) },
          d['subject'] !== undefined ? { subject: str(d['subject']) } : {}, d['agent'] !== undefined ? { agent: str(d['agent']) } : {});
        r.steps.push(step(d['requestedAt'], 'exception requested', d['requestedBy'], `rule ${r.ruleId} on ${r.resource}${r.subject ? ` for ${r.subject}` : ''}; ticket ${r.ticket}; justification: ${r.justification}; expires ${r.expiresAt}`));
        return true;
      case 'ExceptionApproved':
        r.approvedBy.push(`${str(d['approvedBy'])} (${str(d['role'])})`);
        r.status = 'approved';
        r.steps.push(step(d['approvedAt'], 'exception approved', d['approvedBy'], `role ${str(d['role'])}; expires ${str(d['expiresAt'])}`));
        return true;
      case 'ExceptionRevoked':
        Object.assign(r, { status: 'revoked', revokedBy: str(d['revokedBy']), revokeReason: str(d['reason']) });
        r.steps.push(step(d['revokedAt'], 'exception revoked', d['revokedBy'], `reason: ${str(d['reason'])}`));
        return true;
      case 'ExceptionExpired':
        r.status = 'expired';
        r.steps.push(step(d['expiredAt'], 'exception expired', 'system:authoring', `expiry ${str(d['expiresAt'])}`));
        return true;
      default:
        return false;
    }
  }

  /** In request order; an approved one past its expiry at `now` says so. */
  list(now: Date): ExceptionRecord[] {
    return [...this.records.values()].map((r) => (r.status === 'approved' && Date.parse(r.expiresAt) <= now.getTime() ? { ...r, status: 'approved, past expiry' } : r));
  }
}
