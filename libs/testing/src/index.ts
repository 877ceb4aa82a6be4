export * from './decider/decider-spec';
export * from './infra';
