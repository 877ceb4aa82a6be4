export * from './incident-response.module';
