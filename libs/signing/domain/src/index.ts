export * from './signature.decider';
export * from './keyring.decider';
export * from './keyring.views';
