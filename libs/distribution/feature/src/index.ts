export * from './distribution.module';
