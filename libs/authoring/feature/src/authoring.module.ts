import { Module } from '@nestjs/common';
import { EdictRuntimeModule } from '@edict/messaging';
import { RolloutEventsConsumer } from './consumers/rollout-events.consumer';
import { BundleCommandsService } from './handlers/bundle-commands.service';
import { BundlesController } from './http/bundles.controller';
import { ImportBundleHandler } from './import/import-bundle.handler';
import { ImportsController } from './import/imports.controller';
import { trustedKeysProvider } from './import/trusted-keys.provider';
import { RegistryController } from './http/registry.controller';
import { BundleLinesReader } from './registry/bundle-lines.reader';
import { BundleRegistryHandler } from './registry/bundle-registry.handler';
import { DistributionServingClient } from './status/distribution-serving.client';
import { VersionStatusHandler } from './status/version-status.handler';
import { ChangeExceptionHandler } from './exceptions/change-exception.handler';
import { ExceptionExpiryJob } from './exceptions/exception-expiry.job';
import { EXCEPTIONS_CONFIG, exceptionsConfigFromEnv } from './exceptions/exceptions.config';
import { ExceptionsController } from './exceptions/exceptions.controller';
import { ExceptionsReader } from './exceptions/exceptions.reader';
import { RequestExceptionHandler } from './exceptions/request-exception.handler';

/** The authoring service: owns `bundle-*` streams (drafts, submissions, approvals) and `exception-*` streams. */
@Module({
  imports: [EdictRuntimeModule.forService({ service: 'authoring', relayCategories: ['bundle', 'exception'] })],
  controllers: [BundlesController, RegistryController, RolloutEventsConsumer, ImportsController, ExceptionsController],
  providers: [BundleCommandsService, BundleLinesReader, BundleRegistryHandler, VersionStatusHandler, DistributionServingClient, ImportBundleHandler, trustedKeysProvider,
    { provide: EXCEPTIONS_CONFIG, useFactory: exceptionsConfigFromEnv }, ExceptionsReader, RequestExceptionHandler, ChangeExceptionHandler, ExceptionExpiryJob],
})
export class AuthoringModule {}
