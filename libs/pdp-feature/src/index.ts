export * from './pdp.module';
export * from './pdp.config';
