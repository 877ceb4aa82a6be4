import { compiled, req } from '../testing/bundle-builder';
import { PolicyCodes } from '../model/problem-codes';
import { evaluateBundle } from './evaluate-bundle';

describe('evaluateBundle', () => {
  it('given matching rules of different priorities, when evaluated, then the highest priority wins', () => {
    const b = compiled('org/x', [
      { id: 'low', priority: 1, effect: 'deny' },
      { id: 'high', priority: 5, effect: 'allow', match: { action: 'read' } },
    ]);
    expect(evaluateBundle(b, req('a', 'read', 'r'))).toMatchObject({ effect: 'allow', rule: 'high', noMatch: false });
    expect(evaluateBundle(b, req('a', 'write', 'r'))).toMatchObject({ effect: 'deny', rule: 'low' });
  });

  it('given a tie in priority, when evaluated, then deny beats require_approval beats allow', () => {
    const rules = [
      { id: 'allow', effect: 'allow' as const },
      { id: 'approve', effect: 'require_approval' as const },
      { id: 'deny', effect: 'deny' as const, match: { resource: 'secret' } },
    ];
    const b = compiled('org/x', rules);
    expect(evaluateBundle(b, req('a', 'b', 'secret')).rule).toBe('deny');
    expect(evaluateBundle(b, req('a', 'b', 'public')).rule).toBe('approve');
  });

  it('given equal priority and effect, when evaluated, then the rule written first decides', () => {
    const b = compiled('org/x', [{ id: 'first', effect: 'allow' }, { id: 'second', effect: 'allow' }]);
    expect(evaluateBundle(b, req('a', 'b', 'c')).rule).toBe('first');
  });

  it('given no matching rule, when evaluated, then the default effect applies and it is a no-match', () => {
    const deny = compiled('org/x', [{ id: 'r', effect: 'allow', match: { agent: 'bot' } }]);
    expect(evaluateBundle(deny, req('human', 'b', 'c'))).toMatchObject({ effect: 'deny', rule: null, noMatch: true });
    const allow = compiled('teams/t/x', [], { defaultEffect: 'allow' });
    expect(evaluateBundle(allow, req('human', 'b', 'c'))).toMatchObject({ effect: 'allow', noMatch: true, tier: 'team' });
  });

  it('given globs, when evaluated, then * stays within a path segment and ** crosses segments', () => {
    const b = compiled('org/x', [
      { id: 'one-level', priority: 2, effect: 'allow', match: { resource: 'repos/*' } },
      { id: 'any-depth', priority: 1, effect: 'require_approval', match: { resource: 'repos/**' } },
    ]);
    expect(evaluateBundle(b, req('a', 'b', 'repos/web')).rule).toBe('one-level');
    expect(evaluateBundle(b, req('a', 'b', 'repos/web/main')).rule).toBe('any-depth');
    expect(evaluateBundle(b, req('a', 'b', 'other')).noMatch).toBe(true);
  });

  it('given conditions over request, context and settings, when evaluated, then they see all three', () => {
    const b = compiled(
      'org/x',
      [{ id: 'r', effect: 'allow', when: 'request.agent == "bot" && context.risk < 50 && request.resource in settings.allowLists.domains && settings.limits.max >= 3 && settings.flags.on' }],
      { settings: { allowLists: { domains: ['npm'] }, limits: { max: 3 }, flags: { on: true } } },
    );
    expect(evaluateBundle(b, req('bot', 'connect', 'npm', { risk: 10 })).rule).toBe('r');
    expect(evaluateBundle(b, req('bot', 'connect', 'pypi', { risk: 10 })).noMatch).toBe(true);
    expect(evaluateBundle(b, req('bot', 'connect', 'npm', { risk: 90 })).noMatch).toBe(true);
  });

  it('given a condition that fails at evaluation, when evaluated, then the outcome is an error with the on-error effect', () => {
    const b = compiled('org/x', [{ id: 'r', effect: 'allow', when: 'context.user.admin' }], { defaultEffect: 'allow' });
    const outcome = evaluateBundle(b, req('a', 'b', 'c'));
    expect(outcome).toMatchObject({ effect: 'deny', rule: 'r', noMatch: false, error: { code: PolicyCodes.CEL_EVALUATION_FAILED } });
    expect(outcome.error!.message).toContain("rule 'r'");
  });

  it('given an on-error effect, when a condition fails, then that effect applies', () => {
    const b = compiled('org/x', [{ id: 'r', effect: 'deny', when: 'context.n / 0.0 > 1.0 && context.missing' }], { onErrorEffect: 'require_approval' });
    expect(evaluateBundle(b, req('a', 'b', 'c', { n: 1 }))).toMatchObject({ effect: 'require_approval', error: { code: PolicyCodes.CEL_EVALUATION_FAILED } });
  });

  it('given a dyn condition that yields a string, when evaluated, then it is an error, not a truthy match', () => {
    const b = compiled('org/x', [{ id: 'r', effect: 'allow', when: 'context.flag' }]);
    expect(evaluateBundle(b, req('a', 'b', 'c', { flag: 'yes' }))).toMatchObject({ effect: 'deny', error: { code: PolicyCodes.CEL_EVALUATION_FAILED } });
    expect(evaluateBundle(b, req('a', 'b', 'c', { flag: true }))).toMatchObject({ effect: 'allow', rule: 'r' });
  });

  it('given a failing rule ranked after the winner, when evaluated, then it is never run', () => {
    const b = compiled('org/x', [
      { id: 'win', priority: 9, effect: 'allow' },
      { id: 'broken', priority: 1, effect: 'deny', when: 'context.missing' },
    ]);
    expect(evaluateBundle(b, req('a', 'b', 'c'))).toMatchObject({ effect: 'allow', rule: 'win' });
    expect(evaluateBundle(b, req('a', 'b', 'c')).error).toBeUndefined();
  });
});
