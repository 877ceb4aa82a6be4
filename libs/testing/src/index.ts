export * from './decider/decider-spec';
export * from './infra';
export * from './stack/service-names';
export * from './stack/service-process';
export * from './stack/start-stack';
export * from './stack/stack-client';
export * from './stack/bundle-pipeline';
export * from './stack/ask-pdp';
