import type { DecisionError, DecisionRequest } from '../model/decision.types';
import type { Effect } from '../model/effect';

/**
 * One line of the decision-log export (NDJSON): what was asked and what was decided. The
 * decision log's `DecisionLogged` data is a superset of it; other fields are ignored.
 */
export interface DecisionRecord {
  readonly decisionId: string;
  /** RFC 3339 */
  readonly timestamp: string;
  /** the policy asked about (the most specific tier of the chain) */
  readonly policyId: string;
  /** its version that decided; null when none was active */
  readonly version: string | null;
  /** whom the decision was for (exceptions naming a subject apply only to it) */
  readonly subject?: string;
  readonly request: DecisionRequest;
  readonly result: {
    readonly effect: Effect;
    readonly rule: string | null;
    readonly noMatch: boolean;
    readonly error?: DecisionError;
  };
}
