import { ValidationError, type Command, type Decider, type DomainEvent } from '@edict/core';

/**
 * Exception ids are `EXC-NNN`, sequential over the whole deployment, from the `exceptionseq`
 * stream (not published), which reserves one number per request key (as incident-response's
 * `incidentseq-<year>`): a retried request gets the number it got before; two writers racing for
 * the next number are kept apart by the store's optimistic append.
 */
export type ExceptionNumberReserved = DomainEvent<'ExceptionNumberReserved', { readonly number: number; readonly key: string }>;
export type ReserveExceptionNumber = Command<'ReserveExceptionNumber', { readonly key: string }>;

export interface ExceptionSequenceState {
  readonly next: number;
  readonly numbers: Readonly<Record<string, number>>;
}

export const exceptionSequenceDecider: Decider<ReserveExceptionNumber, ExceptionNumberReserved, ExceptionSequenceState> = {
  initialState: () => ({ next: 1, numbers: {} }),
  decide: ({ data }, state) => {
    if (data.key.trim() === '') throw new ValidationError('EXCEPTION.KEY_INVALID', 'a request key is required');
    if (state.numbers[data.key] !== undefined) return [];
    return [{ type: 'ExceptionNumberReserved', data: { number: state.next, key: data.key } }];
  },
  evolve: (state, { data }) => ({ next: Math.max(state.next, data.number + 1), numbers: { ...state.numbers, [data.key]: data.number } }),
};
