/** An event as stored and published: readonly data, past-tense type (STYLE.md §3). */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** A command: imperative type plus its data. */
export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * An aggregate as a pure decider (ARCHITECTURE.md "Event sourcing"): no I/O, no clock, no ids;
 * whatever varies is passed in the command.
 */
export interface Decider<C extends Command, E extends DomainEvent, S> {
  readonly decide: (command: C, state: S) => readonly E[];
  readonly evolve: (state: S, event: E) => S;
  readonly initialState: () => S;
}

/** Folds events into state with a decider's evolve. */
export const foldEvents = <C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  events: readonly E[],
): S => events.reduce(decider.evolve, decider.initialState());

/** Compile-time exhaustiveness check for discriminated unions: every switch ends here. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
