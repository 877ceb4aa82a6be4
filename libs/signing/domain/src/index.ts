export * from './signature.decider';
export * from './keyring.decider';
export * from './keyring.views';
export * from './export-envelope';
export * from './export-envelope.schema';
export * from './export-envelope.jws';
export * from './export-envelope.verify';
