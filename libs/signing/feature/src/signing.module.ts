import { Module } from '@nestjs/common';
import { EdictRuntimeModule } from '@edict/messaging';
import { ApprovedBundlesConsumer } from './consumers/approved-bundles.consumer';
import { SignApprovedBundleHandler } from './handlers/sign-approved-bundle.handler';
import { KeysController } from './http/keys.controller';
import { signingKeyProvider } from './keys/signing-key.provider';

/** The signing service: owns `signature-*` streams and the `keyring`. */
@Module({
  imports: [EdictRuntimeModule.forService({ service: 'signing', relayCategories: ['signature'] })],
  controllers: [ApprovedBundlesConsumer, KeysController],
  providers: [signingKeyProvider, SignApprovedBundleHandler],
})
export class SigningModule {}
