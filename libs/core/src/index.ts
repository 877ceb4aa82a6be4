export * from './errors/edict-error';
export * from './decider/decider';
export * from './canonical/canonical-json';
export * from './time/clock';
export * from './crypto/detached-jws';
export * from './memo/bounded-memo';
