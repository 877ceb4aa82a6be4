import { compiled, req } from '../testing/bundle-builder';
import { PolicyCodes } from '../model/problem-codes';
import { Limits } from '../model/limits';
import type { DecisionRequest } from '../model/decision.types';
import { evaluate } from './evaluate';

const org = compiled('org/base', [
  { id: 'allow-read', effect: 'allow', match: { action: 'read' }, reason: 'reads are fine' },
  { id: 'deny-secrets', priority: 10, effect: 'deny', match: { resource: 'secrets/**' }, reason: 'no secrets' },
]);
const team = compiled('teams/alpha/repos', [{ id: 'approve-main', effect: 'require_approval', match: { resource: 'repos/*/main' }, reason: 'review main' }], { defaultEffect: 'allow' });
const project = compiled('projects/alpha/web/x', [], { defaultEffect: 'allow' });
const ticking = (): (() => bigint) => {
  let t = 0n;
  return () => (t += 250n);
};

describe('evaluate', () => {
  it('given three tiers, when a lower tier is stricter, then the most restrictive effect wins and explains itself', () => {
    const result = evaluate([org, team, project], req('coder', 'read', 'repos/web/main'), { timer: ticking() });
    expect(result).toEqual({
      effect: 'require_approval',
      decidingTier: 'team',
      decidingPolicyId: 'teams/alpha/repos',
      decidingRule: 'approve-main',
      reason: 'review main',
      noMatch: false,
      tiers: [
        { policyId: 'org/base', version: '1.0.0', tier: 'org', effect: 'allow', rule: 'allow-read', reason: 'reads are fine', noMatch: false },
        { policyId: 'teams/alpha/repos', version: '1.0.0', tier: 'team', effect: 'require_approval', rule: 'approve-main', reason: 'review main', noMatch: false },
        expect.objectContaining({ policyId: 'projects/alpha/web/x', tier: 'project', effect: 'allow', rule: null, noMatch: true }),
      ],
      bundleVersions: ['org/base@1.0.0', 'teams/alpha/repos@1.0.0', 'projects/alpha/web/x@1.0.0'],
      evaluationNs: 250,
    });
  });

  it('given a lower tier that allows, when the org denies, then the org decides', () => {
    const result = evaluate([org, team], req('coder', 'read', 'secrets/db'));
    expect(result).toMatchObject({ effect: 'deny', decidingTier: 'org', decidingRule: 'deny-secrets', noMatch: false });
  });

  it('given tiers that all fall to their default, when evaluated, then the decision is a no-match', () => {
    const result = evaluate([org, team], req('coder', 'exec', 'sh'));
    expect(result).toMatchObject({ effect: 'deny', decidingTier: 'org', decidingRule: null, noMatch: true });
  });

  it('given equal effects, when one tier matched a rule and one used its default, then the rule explains the decision', () => {
    const denyAll = compiled('teams/alpha/deny', [{ id: 'no-exec', effect: 'deny', match: { action: 'exec' } }]);
    expect(evaluate([org, denyAll], req('coder', 'exec', 'sh'))).toMatchObject({ decidingTier: 'team', decidingRule: 'no-exec', noMatch: false });
  });

  it('given a tier whose condition fails, when evaluated, then the decision is an error with its on-error effect', () => {
    const broken = compiled('teams/alpha/broken', [{ id: 'b', effect: 'allow', when: 'context.nope == 1' }], { defaultEffect: 'allow', onErrorEffect: 'require_approval' });
    const result = evaluate([org, broken], req('coder', 'read', 'repos/web'));
    expect(result).toMatchObject({ effect: 'require_approval', decidingTier: 'team', decidingRule: 'b', error: { code: PolicyCodes.CEL_EVALUATION_FAILED } });
  });

  it('given no bundle, when evaluated, then it denies with an error', () => {
    expect(evaluate([], req('a', 'b', 'c'))).toMatchObject({ effect: 'deny', decidingTier: null, error: { code: PolicyCodes.NO_BUNDLES } });
  });

  it.each([
    ['a non-string agent', { agent: 42, action: 'a', resource: 'r' }, PolicyCodes.REQUEST_INVALID],
    ['a huge resource', req('a', 'b', 'r'.repeat(Limits.maxRequestFieldLength + 1)), PolicyCodes.REQUEST_TOO_LARGE],
    ['a deeply nested context', req('a', 'b', 'c', JSON.parse(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`) as Record<string, unknown>), PolicyCodes.REQUEST_TOO_LARGE],
    ['a context with a million values', req('a', 'b', 'c', { list: new Array(1_000_000).fill(1) }), PolicyCodes.REQUEST_TOO_LARGE],
    ['a huge string in the context', req('a', 'b', 'c', { s: 'x'.repeat(Limits.maxContextStringLength + 1) }), PolicyCodes.REQUEST_TOO_LARGE],
    ['a function in the context', req('a', 'b', 'c', { f: () => 1 }), PolicyCodes.REQUEST_INVALID],
    ['a Date in the context', req('a', 'b', 'c', { d: new Date(0) }), PolicyCodes.REQUEST_INVALID],
    ['a context that is a list', { agent: 'a', action: 'b', resource: 'c', context: [1] }, PolicyCodes.REQUEST_INVALID],
    ['no request at all', null, PolicyCodes.REQUEST_INVALID],
  ])('given %s, when evaluated, then the decision is a precise error with the on-error effect, not a crash', (_what, request, code) => {
    const result = evaluate([org, team], request as unknown as DecisionRequest);
    expect(result).toMatchObject({ effect: 'deny', error: { code } });
    expect(result.tiers.every((t) => t.error?.code === code)).toBe(true);
  });

  it('given no timer, when evaluated, then the real clock measures a non-negative time', () => {
    expect(evaluate([org], req('a', 'read', 'x')).evaluationNs).toBeGreaterThanOrEqual(0);
  });
});
