export * from './validation.module';
