import { ConflictError } from '@edict/core';
import { deciderSpec } from '@edict/testing';
import { draft, drafted } from './__fixtures__/bundle.fixtures';
import { bundleLineDecider } from './bundle.decider';
import type { DraftBundle } from './bundle.commands';
import { retirementOf } from './retirement-of';

const spec = deciderSpec(bundleLineDecider);
const retirement = { lastMajor: 1, retiredAt: '2026-12-01T10:00:00.000Z', reason: 'replaced by org/egress' };
const retiredDraft = (version: string): DraftBundle => {
  const command = draft(version);
  return { ...command, data: { ...command.data, retirement } };
};

describe('DraftBundle of a retired policy id', () => {
  it('given the id retired after 1.x, when 1.2.0 is drafted, then 409 BUNDLE.POLICY_RETIRED naming the last major', () => {
    const error = spec.given([drafted('1.0.0'), drafted('1.1.0')]).when(retiredDraft('1.2.0')).thenThrows('BUNDLE.POLICY_RETIRED', ConflictError);
    expect(error.details).toEqual({ lastMajor: 1 });
  });

  it('given the id retired after 1.x, when a new major 2.0.0 is drafted, then it is drafted', () => {
    spec.given([drafted('1.0.0'), drafted('1.1.0')]).when(retiredDraft('2.0.0')).then([drafted('2.0.0')]);
  });

  it('given no retirement, when 1.2.0 is drafted, then the usual sequence applies', () => {
    spec.given([drafted('1.0.0'), drafted('1.1.0')]).when(draft('1.2.0')).then([drafted('1.2.0')]);
  });
});

describe('retirementOf (the rollout stream as authoring reads it)', () => {
  const retired = { type: 'PolicyRetired', data: { lastMajor: 1, retiredAt: '2026-12-01T10:00:00.000Z', reason: 'gone' } };
  it('is the last PolicyRetired, undone by a later RolloutStarted, and absent without one', () => {
    expect(retirementOf([{ type: 'RolloutStarted', data: {} }, retired])).toEqual({ lastMajor: 1, retiredAt: '2026-12-01T10:00:00.000Z', reason: 'gone' });
    expect(retirementOf([retired, { type: 'RolloutStarted', data: {} }])).toBeUndefined();
    expect(retirementOf([])).toBeUndefined();
  });
});
