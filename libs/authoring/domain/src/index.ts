export * from './bundle.commands';
export * from './bundle.state';
export * from './bundle.decider';
export * from './approval-policy';
export * from './version-sequence';
export * from './bundle-import.decider';
