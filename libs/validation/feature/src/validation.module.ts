import { Module } from '@nestjs/common';
import { EdictRuntimeModule } from '@edict/messaging';
import { BundleEventsConsumer } from './consumers/bundle-events.consumer';
import { ValidateSubmittedBundleHandler } from './handlers/validate-submitted-bundle.handler';
import { ValidationsController } from './http/validations.controller';

/** The validation service: owns `validation-*` streams (one verdict per submitted version). */
@Module({
  imports: [EdictRuntimeModule.forService({ service: 'validation', relayCategories: ['validation'] })],
  controllers: [BundleEventsConsumer, ValidationsController],
  providers: [ValidateSubmittedBundleHandler],
})
export class ValidationModule {}
