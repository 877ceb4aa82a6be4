export * from './decision-log.module';
