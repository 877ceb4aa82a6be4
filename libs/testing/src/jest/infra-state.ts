import type { InfraHandle } from '../infra';

/** What global setup leaves on `globalThis` for global teardown (the same context in Jest). */
export interface GlobalInfraState {
  /** Set when setup started something that teardown must stop. */
  readonly handle?: InfraHandle;
}

const KEY = Symbol.for('edict.testing.infra');
type WithState = typeof globalThis & { [KEY]?: GlobalInfraState };

/** The state of an earlier setup in this Jest run (the int and e2e projects both run setup). */
export const getInfraState = (): GlobalInfraState | undefined => (globalThis as WithState)[KEY];

export const setInfraState = (state: GlobalInfraState | undefined): void => {
  (globalThis as WithState)[KEY] = state;
};
