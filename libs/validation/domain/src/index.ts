export * from './validation.decider';
export * from './bundle-checks';
