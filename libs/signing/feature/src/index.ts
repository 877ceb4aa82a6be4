export * from './signing.module';
