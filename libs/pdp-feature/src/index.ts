export * from './pdp.config';
export * from './runtime/pdp-runtime';
export * from './runtime/serve-pdp';
export * from './sync/serving-sync.service';
