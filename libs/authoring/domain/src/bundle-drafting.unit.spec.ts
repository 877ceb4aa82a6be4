import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@edict/core';
import { deciderSpec } from '@edict/testing';
import { archived, digestOf, draft, drafted, people, revise, revised, submit, submitted } from './__fixtures__/bundle.fixtures';
import { bundleLineDecider } from './bundle.decider';

const spec = deciderSpec(bundleLineDecider);

describe('DraftBundle', () => {
  it.each(['1.0.0', '0.1.0', '0.0.1', '7.3.12'])('drafts %s as the first version of a line', (version) => {
    const state = spec.given([]).when(draft(version)).then([drafted(version)]);
    expect(state).toMatchObject({ kind: 'active', policyId: 'org/baseline', tier: 'org', latest: version });
  });

  it.each(['1.0', 'v1.0.0', '1.0.0-rc.1', '1.0.0+build.7', '01.0.0', '', 'latest'])('refuses %j: not a plain x.y.z version', (version) => {
    spec.given([]).when(draft(version)).thenThrows('BUNDLE.VERSION_INVALID', ValidationError);
  });

  it.each(['1.2.4', '1.3.0', '2.0.0'])('after 1.2.3, drafts %s (a patch, minor or major increment)', (next) => {
    const state = spec.given([drafted('1.2.3')]).when(draft(next)).then([drafted(next)]);
    expect(state).toMatchObject({ latest: next, versions: { '1.2.3': { status: 'draft' }, [next]: { status: 'draft' } } });
  });

  it('refuses to reuse the latest version', () => {
    const error = spec.given([drafted('1.0.0')]).when(draft('1.0.0')).thenThrows('BUNDLE.VERSION_REUSED', ConflictError);
    expect(error.details).toEqual({ latest: '1.0.0', allowed: ['1.0.1', '1.1.0', '2.0.0'] });
  });

  it('refuses to reuse an older version, even an archived one', () => {
    const history = [drafted('1.0.0'), submitted('1.0.0'), archived('1.0.0'), drafted('1.1.0')];
    spec.given(history).when(draft('1.0.0')).thenThrows('BUNDLE.VERSION_REUSED', ConflictError);
  });

  it.each(['1.0.2', '1.2.0', '3.0.0', '1.1.1'])('after 1.0.0, refuses %s: a skipped version', (next) => {
    const error = spec.given([drafted('1.0.0')]).when(draft(next)).thenThrows('BUNDLE.VERSION_NOT_NEXT', ConflictError);
    expect(error.details).toMatchObject({ allowed: ['1.0.1', '1.1.0', '2.0.0'] });
  });

  it('refuses a version lower than the latest that was never drafted', () => {
    spec.given([drafted('1.0.0'), drafted('1.1.0')]).when(draft('1.0.1')).thenThrows('BUNDLE.VERSION_NOT_NEXT', ConflictError);
  });

  it('lets only the security team (or an admin) draft an org baseline', () => {
    const error = spec.given([]).when(draft('1.0.0', people.tom)).thenThrows('BUNDLE.TIER_ROLE_REQUIRED', ForbiddenError);
    expect(error.details).toEqual({ required: ['security'] });
    spec.given([]).when(draft('1.0.0', people.bob)).then([drafted('1.0.0', 'bob')]);
    spec.given([]).when(draft('1.0.0', people.root)).then([drafted('1.0.0', 'root')]);
  });

  it.each(['team', 'project'] as const)('lets any author draft a %s policy', (tier) => {
    spec.given([]).when(draft('1.0.0', people.tom, tier)).then([drafted('1.0.0', 'tom', tier)]);
  });
});

describe('ReviseDraft', () => {
  it('replaces the document of a draft; a submission then carries the new digest', () => {
    const state = spec.given([drafted('1.0.0')]).when(revise('1.0.0', 1)).then([revised('1.0.0', 1)]);
    expect(state).toMatchObject({ versions: { '1.0.0': { status: 'draft', digest: digestOf('1.0.0', 1) } } });
    spec.given([drafted('1.0.0'), revised('1.0.0', 1)]).when(submit('1.0.0')).then([submitted('1.0.0', 'alice', 'org', 1)]);
  });

  it('adds nothing when the document is unchanged', () => {
    spec.given([drafted('1.0.0'), revised('1.0.0', 1)]).when(revise('1.0.0', 1)).then([]);
  });

  it('lets only the author revise (or an admin)', () => {
    spec.given([drafted('1.0.0')]).when(revise('1.0.0', 1, people.bob)).thenThrows('BUNDLE.NOT_AUTHOR', ForbiddenError);
    spec.given([drafted('1.0.0')]).when(revise('1.0.0', 1, people.root)).then([revised('1.0.0', 1, 'root')]);
  });

  it.each([
    ['submitted', [submitted('1.0.0')]],
    ['archived', [archived('1.0.0')]],
  ])('refuses a %s version: from submission on a version is immutable', (_status, after) => {
    spec.given([drafted('1.0.0'), ...after]).when(revise('1.0.0', 1)).thenThrows('BUNDLE.NOT_EDITABLE', ConflictError);
  });

  it('refuses a version that does not exist', () => {
    spec.given([]).when(revise('1.0.0', 1)).thenThrows('BUNDLE.VERSION_NOT_FOUND', NotFoundError);
    spec.given([drafted('1.0.0')]).when(revise('1.0.1', 1)).thenThrows('BUNDLE.VERSION_NOT_FOUND', NotFoundError);
  });
});

describe('SubmitBundle', () => {
  it('submits a draft', () => {
    const state = spec.given([drafted('1.0.0')]).when(submit('1.0.0')).then([submitted('1.0.0')]);
    expect(state).toMatchObject({ versions: { '1.0.0': { status: 'submitted' } } });
  });

  it('is idempotent: submitting again adds nothing', () => {
    spec.given([drafted('1.0.0'), submitted('1.0.0')]).when(submit('1.0.0')).then([]);
  });

  it('lets only the author submit (or an admin)', () => {
    spec.given([drafted('1.0.0')]).when(submit('1.0.0', people.bob)).thenThrows('BUNDLE.NOT_AUTHOR', ForbiddenError);
    spec.given([drafted('1.0.0')]).when(submit('1.0.0', people.root)).then([submitted('1.0.0', 'root')]);
  });

  it('refuses an archived version and one that does not exist', () => {
    spec.given([drafted('1.0.0'), archived('1.0.0')]).when(submit('1.0.0')).thenThrows('BUNDLE.ARCHIVED', ConflictError);
    spec.given([]).when(submit('1.0.0')).thenThrows('BUNDLE.VERSION_NOT_FOUND', NotFoundError);
  });
});
