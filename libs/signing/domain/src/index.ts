export * from './signing-payload';
export * from './signature.decider';
export * from './keyring.decider';
