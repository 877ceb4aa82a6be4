import type { Effect } from './effect';
import type { InputMapping } from '../documents/input-mapping.types';

/** `match`: each field exact or a glob (`*`, `**`, `?`); a missing field matches anything. */
export interface RuleMatch {
  readonly agent?: string;
  readonly action?: string;
  readonly resource?: string;
}

export interface RuleDocument {
  readonly id: string;
  /** higher wins; default 0 */
  readonly priority?: number;
  readonly match?: RuleMatch;
  /** a CEL expression that must evaluate to a bool; no `when` means the rule always applies */
  readonly when?: string;
  readonly effect: Effect;
  readonly reason?: string;
  readonly description?: string;
}

/** Values that tighten in a known order between a parent tier and its children. */
export interface BundleSettings {
  /** named allow-lists; a child's is a subset of its parent's; `*`, `all`, `any` are refused */
  readonly allowLists?: Readonly<Record<string, readonly string[]>>;
  /** allow-lists pinned by a lock file beside the bundle: `file` relative to it, `text` embedded by the CLI */
  readonly allowListLocks?: Readonly<Record<string, { readonly file: string; readonly text?: string }>>;
  /** allow-lists meant to be empty (nothing allowed); any other empty allow-list is an error */
  readonly allowListsEmptyMeansNone?: readonly string[];
  /** named numeric limits; a child's is lower or equal */
  readonly limits?: Readonly<Record<string, number>>;
  /** named restriction flags; a child may turn one on, never off */
  readonly flags?: Readonly<Record<string, boolean>>;
}

export interface BundleTestCase {
  readonly name: string;
  readonly request: {
    readonly agent: string;
    readonly action: string;
    readonly resource: string;
    readonly context?: Readonly<Record<string, unknown>>;
  };
  readonly expect: {
    readonly effect: Effect;
    /** the rule expected to decide; null expects the default effect (no match) */
    readonly rule?: string | null;
    readonly noMatch?: boolean;
  };
}

/** A JSON-Schema subset describing `request.context`, used by lint. */
export interface ContextSchema {
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, ContextSchema>>;
  readonly items?: ContextSchema;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
  readonly enum?: readonly unknown[];
}

/** The bundle document of ARCHITECTURE.md "Policy model" (`apiVersion: edict.io/v1`, `kind: PolicyBundle`). */
export interface BundleDocument {
  readonly apiVersion: 'edict.io/v1';
  readonly kind: 'PolicyBundle';
  readonly metadata: {
    readonly policyId: string;
    readonly version: string;
    readonly notes?: string;
    readonly labels?: Readonly<Record<string, string>>;
  };
  readonly spec: {
    readonly defaultEffect?: Effect;
    readonly onErrorEffect?: Effect;
    readonly contextSchema?: ContextSchema;
    readonly settings?: BundleSettings;
    readonly rules?: readonly RuleDocument[];
    readonly tests?: readonly BundleTestCase[];
    /** this policy's canary schedule (distribution reads it when a rollout starts); absent: 10 → 50 → 100 */
    readonly rollout?: { readonly steps?: readonly number[]; readonly soakSeconds?: number; readonly autoPromote?: boolean };
    /** how `edict check` reads whole documents (Terraform plans, manifests, a team's own shape) */
    readonly inputs?: readonly InputMapping[];
    readonly rego?: {
      readonly modules?: Readonly<Record<string, string>>;
      readonly data?: Readonly<Record<string, unknown>>;
    };
  };
}
