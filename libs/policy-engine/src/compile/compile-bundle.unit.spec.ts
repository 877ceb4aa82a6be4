import { ValidationError } from '@edict/core';
import { bundleDoc } from '../testing/bundle-builder';
import { PolicyCodes } from '../model/problem-codes';
import { compileBundle } from './compile-bundle';

describe('compileBundle', () => {
  it('given a valid document, when compiled, then it knows its policy id, tier, version and defaults', () => {
    const b = compileBundle(bundleDoc('projects/alpha/web/deploy', { rules: [{ id: 'r', effect: 'allow' }] }, '2.1.0'));
    expect(b).toMatchObject({ policyId: 'projects/alpha/web/deploy', tier: 'project', version: '2.1.0', ref: 'projects/alpha/web/deploy@2.1.0', defaultEffect: 'deny', onErrorEffect: 'deny' });
    expect(compileBundle(bundleDoc('teams/a/b')).tier).toBe('team');
    expect(compileBundle(bundleDoc('org/b')).tier).toBe('org');
  });

  it('given an invalid document, when compiled, then it throws a ValidationError listing the problems', () => {
    const doc = bundleDoc('org/x', { rules: [{ id: 'a', effect: 'allow', when: 'nope(' }, { id: 'a', effect: 'deny' }] });
    let thrown: unknown;
    try {
      compileBundle(doc);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    const error = thrown as ValidationError;
    expect(error.code).toBe(PolicyCodes.INVALID_BUNDLE);
    expect(error.status).toBe(400);
    expect(error.details?.['problems']).toEqual([
      expect.objectContaining({ code: PolicyCodes.RULE_ID_DUPLICATE }),
      expect.objectContaining({ code: PolicyCodes.CEL_COMPILE_FAILED, path: 'spec.rules[0].when' }),
    ]);
  });

  it('given rules, when compiled, then they are ranked priority first, then deny, approval, allow, then order', () => {
    const b = compileBundle(bundleDoc('org/x', { rules: [
      { id: 'allow', effect: 'allow' },
      { id: 'deny', effect: 'deny' },
      { id: 'top', priority: 3, effect: 'allow' },
      { id: 'approve', effect: 'require_approval' },
    ] }));
    expect(b.rules.map((r) => r.id)).toEqual(['top', 'deny', 'approve', 'allow']);
  });

  it('given exact and glob matches, when compiled, then rules land in the matching index list', () => {
    const b = compileBundle(bundleDoc('org/x', { rules: [
      { id: 'both', effect: 'allow', match: { agent: 'bot', action: 'read' } },
      { id: 'agent', effect: 'allow', match: { agent: 'bot', action: 'repo.*' } },
      { id: 'action', effect: 'allow', match: { action: 'read' } },
      { id: 'neither', effect: 'allow', match: { resource: 'x' } },
    ] }));
    expect([...b.index.byAgentAction.values()].flat().map((r) => r.id)).toEqual(['both']);
    expect([...b.index.byAgent.values()].flat().map((r) => r.id)).toEqual(['agent']);
    expect([...b.index.byAction.values()].flat().map((r) => r.id)).toEqual(['action']);
    expect(b.index.fallback.map((r) => r.id)).toEqual(['neither']);
  });
});
