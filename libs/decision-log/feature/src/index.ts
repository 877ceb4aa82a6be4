export * from './decision-log.module';
export * from './config/decision-log.config';
