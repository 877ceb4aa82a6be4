import type { ValidationEvent, ValidationProblem, ValidationReport } from '@edict/contracts';
import { ConflictError, type Decider } from '@edict/core';

export type RecordValidation = {
  readonly type: 'RecordValidation';
  readonly data: {
    readonly policyId: string;
    readonly version: string;
    readonly digest: string;
    readonly checks: readonly string[];
    readonly problems: readonly ValidationProblem[];
    /** the whole suite's report; a check that failed fails the version even without an error finding */
    readonly report?: ValidationReport;
    readonly at: string;
  };
};

export type ValidationState =
  | { readonly kind: 'pending' }
  | { readonly kind: 'recorded'; readonly digest: string; readonly outcome: 'validated' | 'failed' };

/**
 * The `validation-<policyId>@<version>` aggregate: one verdict per submitted version. A
 * redelivered BundleSubmitted finds the verdict recorded and adds nothing. Errors fail the
 * version; warnings and infos travel with a BundleValidated.
 */
export const validationDecider: Decider<RecordValidation, ValidationEvent, ValidationState> = {
  initialState: () => ({ kind: 'pending' }),
  evolve: (_state, event) => ({
    kind: 'recorded',
    digest: event.data.digest,
    outcome: event.type === 'BundleValidated' ? 'validated' : 'failed',
  }),
  decide: (command, state) => {
    const { at, problems, report, ...content } = command.data;
    if (state.kind === 'recorded') {
      if (state.digest === content.digest) return [];
      throw new ConflictError('VALIDATION.DIGEST_MISMATCH', `${content.policyId}@${content.version} was validated over another digest`);
    }
    const failed = problems.some((p) => p.severity === 'error') || (report?.checks.some((c) => c.status === 'fail') ?? false);
    const withReport = report === undefined ? {} : { report };
    if (failed) {
      return [{ type: 'BundleValidationFailed', data: { ...content, problems, ...withReport, validatedAt: at } }];
    }
    return [{ type: 'BundleValidated', data: { ...content, warnings: problems, ...withReport, validatedAt: at } }];
  },
};

/** What authoring needs to know of a version's validation, from its stream's events. */
export const validationOutcome = (state: ValidationState, digest: string): 'validated' | 'failed' | 'pending' =>
  state.kind === 'recorded' && state.digest === digest ? state.outcome : 'pending';
