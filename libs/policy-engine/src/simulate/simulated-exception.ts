import { compileWaiver, type RuleWaiver } from '../evaluate/rule-waiver';
import type { DecisionRecord } from './decision-record.types';

/**
 * An exception replayed by `simulateImpact`, as `GET /v1/exceptions` on authoring answers it
 * (other fields ignored). Its approval state is not considered: a requested exception shows what
 * approving it would change. It applies to recorded decisions made before its expiry (and before
 * its revocation, when revoked), for its subject when it names one.
 */
export interface SimulatedException {
  readonly exceptionId: string;
  readonly policyId: string;
  readonly ruleId: string;
  readonly resource: string;
  readonly agent?: string;
  readonly subject?: string;
  /** ISO time */
  readonly expiresAt?: string;
  /** ISO time */
  readonly revokedAt?: string;
}

interface Held {
  readonly exception: SimulatedException;
  readonly waiver: RuleWaiver;
  /** epoch ms after which it no longer applies */
  readonly until: number;
}

const endOf = (e: SimulatedException): number => Math.min(e.expiresAt ? Date.parse(e.expiresAt) : Infinity, e.revokedAt ? Date.parse(e.revokedAt) : Infinity);

/** The exceptions of the replayed chain, compiled once, and which of them apply to a record. */
export class SimulatedExceptions {
  private readonly held: readonly Held[];

  constructor(exceptions: readonly SimulatedException[], policyIds: readonly string[]) {
    this.held = exceptions
      .filter((e) => policyIds.includes(e.policyId))
      .map((e) => ({ exception: e, until: endOf(e), waiver: compileWaiver({ id: e.exceptionId, policyId: e.policyId, ruleId: e.ruleId, resource: e.resource, ...(e.agent !== undefined ? { agent: e.agent } : {}) }) }));
  }

  get considered(): readonly SimulatedException[] {
    return this.held.map((h) => h.exception);
  }

  /** The waivers in force for this recorded decision: made before the end, for the exception's subject. */
  for(record: DecisionRecord): readonly RuleWaiver[] {
    const at = Date.parse(record.timestamp);
    return this.held.filter((h) => !(at >= h.until) && (h.exception.subject === undefined || h.exception.subject === record.subject)).map((h) => h.waiver);
  }
}
