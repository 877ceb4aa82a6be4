import { EdictError, type Command, type Decider, type DomainEvent } from '@edict/core';

type ErrorClass = abstract new (...args: never[]) => EdictError;

/** The outcome half of a spec: what the command must produce. */
export interface DeciderThen<E, S> {
  /** The command yields exactly these events; returns the state after them (evolve is exercised too). */
  then(expected: readonly E[]): S;
  /** The command is refused with this stable code (and, if given, this error class); returns the error. */
  thenThrows(code: string, errorClass?: ErrorClass): EdictError;
}

export interface DeciderGiven<C, E, S> {
  when(command: C): DeciderThen<E, S>;
}

export interface DeciderSpec<C, E, S> {
  given(events: readonly E[]): DeciderGiven<C, E, S>;
}

const refusal = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error: unknown) {
    return error;
  }
  return undefined;
};

/**
 * Given/when/then for pure deciders (STYLE.md §5): state is folded from the given events, so a
 * spec never depends on the state's shape, only on the stream's history.
 *
 * ```ts
 * deciderSpec(rolloutDecider).given([started]).when(promote).then([promoted]);
 * deciderSpec(rolloutDecider).given([]).when(promote).thenThrows('ROLLOUT.NOT_STARTED');
 * ```
 */
export const deciderSpec = <C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>): DeciderSpec<C, E, S> => ({
  given: (events) => ({
    when: (command) => {
      const state = events.reduce(decider.evolve, decider.initialState());
      return {
        then: (expected) => {
          const actual = decider.decide(command, state);
          expect(actual).toEqual(expected);
          return actual.reduce(decider.evolve, state);
        },
        thenThrows: (code, errorClass) => {
          const error = refusal(() => decider.decide(command, state));
          expect(error).toBeInstanceOf(errorClass ?? EdictError);
          expect((error as EdictError).code).toBe(code);
          return error as EdictError;
        },
      };
    },
  }),
});
