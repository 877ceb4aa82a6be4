export * from './authoring.module';
