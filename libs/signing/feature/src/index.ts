export * from './signing.module';
export * from './keys/active-signer';
export * from './keys/private-jwk';
