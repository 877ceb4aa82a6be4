export * from './signing.module';
export * from './keys/detached-jws';
