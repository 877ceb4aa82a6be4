import type { BundleValidated, BundleValidationFailed, ValidationProblem } from '@edict/contracts';
import { ConflictError } from '@edict/core';
import { deciderSpec } from '@edict/testing';
import { validationDecider, validationOutcome, type RecordValidation, type ValidationState } from './validation.decider';

const spec = deciderSpec(validationDecider);
const AT = '2025-03-01T10:00:00.000Z';
const DIGEST = `sha256:${'a'.repeat(64)}`;
const OTHER = `sha256:${'b'.repeat(64)}`;
const CHECKS = ['identity', 'schema', 'cel-compile'];
const content = { policyId: 'org/baseline', version: '1.0.0', checks: CHECKS };

const problem = (severity: ValidationProblem['severity'], code = `TEST.${severity.toUpperCase()}`): ValidationProblem => ({ code, message: `a ${severity}`, severity, path: 'spec.rules.0' });
const record = (problems: ValidationProblem[], digest = DIGEST): RecordValidation => ({ type: 'RecordValidation', data: { ...content, digest, problems, at: AT } });
const validated = (warnings: ValidationProblem[] = [], digest = DIGEST): BundleValidated => ({ type: 'BundleValidated', data: { ...content, digest, warnings, validatedAt: AT } });
const failed = (problems: ValidationProblem[], digest = DIGEST): BundleValidationFailed => ({ type: 'BundleValidationFailed', data: { ...content, digest, problems, validatedAt: AT } });

describe('RecordValidation', () => {
  it('validates a version without problems', () => {
    const state = spec.given([]).when(record([])).then([validated()]);
    expect(state).toEqual({ kind: 'recorded', digest: DIGEST, outcome: 'validated' });
  });

  it('validates a version with warnings and infos only; they travel with the verdict', () => {
    const notes = [problem('warning'), problem('info')];
    spec.given([]).when(record(notes)).then([validated(notes)]);
  });

  it('fails a version with any error, keeping every problem', () => {
    const problems = [problem('warning'), problem('error'), problem('info')];
    const state = spec.given([]).when(record(problems)).then([failed(problems)]);
    expect(state).toEqual({ kind: 'recorded', digest: DIGEST, outcome: 'failed' });
  });

  it.each([
    ['validated', [validated()]],
    ['failed', [failed([problem('error')])]],
  ])('adds nothing when the %s verdict for this digest is recorded again (a redelivered submission)', (_outcome, history) => {
    spec.given(history).when(record([])).then([]);
    spec.given(history).when(record([problem('error')])).then([]);
  });

  it('refuses a verdict over another digest: a submitted version is immutable', () => {
    spec.given([validated()]).when(record([], OTHER)).thenThrows('VALIDATION.DIGEST_MISMATCH', ConflictError);
  });
});

describe('validationOutcome', () => {
  const recorded = (outcome: 'validated' | 'failed'): ValidationState => ({ kind: 'recorded', digest: DIGEST, outcome });

  it('is pending until a verdict is recorded', () => {
    expect(validationOutcome(validationDecider.initialState(), DIGEST)).toBe('pending');
  });

  it('is the recorded outcome for the digest it was recorded over', () => {
    expect(validationOutcome(recorded('validated'), DIGEST)).toBe('validated');
    expect(validationOutcome(recorded('failed'), DIGEST)).toBe('failed');
  });

  it('is pending for any other digest: a verdict never covers another document', () => {
    expect(validationOutcome(recorded('validated'), OTHER)).toBe('pending');
    expect(validationOutcome(recorded('failed'), OTHER)).toBe('pending');
  });
});
