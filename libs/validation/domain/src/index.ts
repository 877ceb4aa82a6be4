export * from './validation.decider';
export * from './validation-settings';
export * from './suite/suite-input.types';
export * from './suite/run-validation-suite';
