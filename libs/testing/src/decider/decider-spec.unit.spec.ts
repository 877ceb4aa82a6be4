import { ConflictError, ValidationError, type Command, type Decider, type DomainEvent } from '@edict/core';
import { deciderSpec } from './decider-spec';

type Added = DomainEvent<'Added', { readonly n: number }>;
type Add = Command<'Add', { readonly n: number }>;

/** A counter that refuses to go over 10 and refuses non-positive steps. */
const counter: Decider<Add, Added, number> = {
  initialState: () => 0,
  evolve: (total, e) => total + e.data.n,
  decide: ({ data }, total) => {
    if (data.n <= 0) throw new ValidationError('COUNTER.STEP', 'step must be positive');
    if (total + data.n > 10) throw new ConflictError('COUNTER.FULL', 'full');
    if (data.n === 7) throw new Error('not an EdictError');
    return [{ type: 'Added', data: { n: data.n } }];
  },
};
const add = (n: number): Add => ({ type: 'Add', data: { n } });
const added = (n: number): Added => ({ type: 'Added', data: { n } });
const spec = deciderSpec(counter);

describe('deciderSpec', () => {
  it('folds the given events, checks the events decided, and returns the state after them', () => {
    expect(spec.given([added(2), added(3)]).when(add(4)).then([added(4)])).toBe(9);
  });

  it('fails when the events differ', () => {
    expect(() => spec.given([]).when(add(1)).then([added(2)])).toThrow();
  });

  it('checks the refusal code and class, and returns the error', () => {
    const error = spec.given([added(9)]).when(add(2)).thenThrows('COUNTER.FULL', ConflictError);
    expect(error.status).toBe(409);
  });

  it('fails on another code, another class, no refusal, or an error outside the hierarchy', () => {
    expect(() => spec.given([added(9)]).when(add(2)).thenThrows('COUNTER.STEP')).toThrow();
    expect(() => spec.given([]).when(add(0)).thenThrows('COUNTER.STEP', ConflictError)).toThrow();
    expect(() => spec.given([]).when(add(1)).thenThrows('COUNTER.FULL')).toThrow();
    expect(() => spec.given([]).when(add(7)).thenThrows('COUNTER.FULL')).toThrow();
  });
});
