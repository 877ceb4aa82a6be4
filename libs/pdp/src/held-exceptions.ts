import { exceptionInForce, type ActiveException } from '@edict/contracts';
import { compileWaiver, type RuleWaiver } from '@edict/policy-engine';

interface Held {
  readonly exception: ActiveException;
  readonly waiver: RuleWaiver;
}

const NONE: readonly RuleWaiver[] = [];

/**
 * The approved exceptions a decision point holds, compiled once when they arrive. Which apply is
 * decided per decision by the decision point's clock (exceptionInForce): an exception past its
 * expiry never applies, whether or not its ExceptionExpired ever arrived.
 */
export class HeldExceptions {
  private readonly held = new Map<string, Held>();

  /** Replaces everything held with these (a full sync). */
  replace(exceptions: readonly ActiveException[]): void {
    this.held.clear();
    for (const e of exceptions) this.put(e);
  }

  put(exception: ActiveException): void {
    this.held.set(exception.exceptionId, { exception, waiver: compileWaiver({ id: exception.exceptionId, policyId: exception.policyId, ruleId: exception.ruleId, resource: exception.resource, ...(exception.agent !== undefined ? { agent: exception.agent } : {}) }) });
  }

  remove(exceptionId: string): void {
    this.held.delete(exceptionId);
  }

  /** How many are held (none: a decision need not ask which are in force). */
  get size(): number {
    return this.held.size;
  }

  list(): ActiveException[] {
    return [...this.held.values()].map((h) => h.exception);
  }

  /** The waivers in force now for a decision about `subject` on these policies. */
  inForce(policyIds: readonly string[], subject: string, now: Date): readonly RuleWaiver[] {
    if (this.held.size === 0) return NONE;
    const result: RuleWaiver[] = [];
    for (const { exception, waiver } of this.held.values()) {
      if (policyIds.includes(exception.policyId) && exceptionInForce(exception, now, subject)) result.push(waiver);
    }
    return result;
  }
}
