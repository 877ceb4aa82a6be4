export * from './verify-served-bundle';
export * from './loaded-policy';
export * from './decision-point';
export * from './verify-serving-manifest';
export * from './held-exceptions';
export * from './decision-explanation';
