export * from './signature.decider';
export * from './keyring.decider';
