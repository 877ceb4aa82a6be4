export * from './pdp.module';
export * from './pdp.config';
export * from './http/fast/install-fast-decisions';
export * from './sync/serving-sync.service';
