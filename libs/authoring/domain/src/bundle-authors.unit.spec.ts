import { ForbiddenError } from '@edict/core';
import { deciderSpec } from '@edict/testing';
import { actor, approve, approveInEmergency, AT, digestOf, drafted, people, revise, revised, submit, submitted } from './__fixtures__/bundle.fixtures';
import { bundleLineDecider } from './bundle.decider';

const spec = deciderSpec(bundleLineDecider);

describe('authors of record: whoever drafted or revised any revision', () => {
  it('keeps every drafter and reviser, once each', () => {
    const state = spec.given([drafted('1.0.0'), revised('1.0.0', 1, 'root'), revised('1.0.0', 2, 'alice')]).when(revise('1.0.0', 3, people.root)).then([revised('1.0.0', 3, 'root')]);
    expect(state).toMatchObject({ versions: { '1.0.0': { author: 'alice', authors: ['alice', 'root'] } } });
  });

  it('refuses an admin who revised alice\'s draft when they try to approve it', () => {
    const history = [drafted('1.0.0'), revised('1.0.0', 1, 'root'), submitted('1.0.0', 'alice', 'org', 1)];
    const error = spec.given(history).when(approve('1.0.0', actor('root', 'admin', 'security'))).thenThrows('BUNDLE.SELF_APPROVAL', ForbiddenError);
    expect(error.details).toEqual({ authors: ['alice', 'root'] });
  });

  it('refuses a reviser on the emergency path too', () => {
    const history = [drafted('1.0.0'), revised('1.0.0', 1, 'bob'), submitted('1.0.0', 'alice', 'org', 1)];
    spec.given(history).when(approveInEmergency('1.0.0', people.bob, 'outage')).thenThrows('BUNDLE.SELF_APPROVAL', ForbiddenError);
  });

  it('lets any author of record revise and submit; others stay refused', () => {
    const history = [drafted('1.0.0'), revised('1.0.0', 1, 'root')];
    spec.given(history).when(revise('1.0.0', 2, people.alice)).then([revised('1.0.0', 2, 'alice')]);
    spec.given(history).when(submit('1.0.0', people.alice)).then([submitted('1.0.0', 'alice', 'org', 1)]);
    spec.given(history).when(revise('1.0.0', 2, people.bob)).thenThrows('BUNDLE.NOT_AUTHOR', ForbiddenError);
  });

  it('still lets someone who never touched the document approve', () => {
    const history = [drafted('1.0.0'), revised('1.0.0', 1, 'root'), submitted('1.0.0', 'alice', 'org', 1)];
    const state = spec.given(history).when(approve('1.0.0', people.bob)).then([
      { type: 'BundleApprovalGranted', data: { policyId: 'org/baseline', version: '1.0.0', digest: digestOf('1.0.0', 1), approver: 'bob', role: 'security', grantedAt: AT } },
    ]);
    expect(state).toMatchObject({ versions: { '1.0.0': { approvals: [{ subject: 'bob', role: 'security' }] } } });
  });
});
