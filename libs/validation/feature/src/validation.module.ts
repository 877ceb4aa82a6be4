import { Module } from '@nestjs/common';
import { EdictRuntimeModule } from '@edict/messaging';
import { DecisionExportClient } from './clients/decision-export.client';
import { ServingClient } from './clients/serving.client';
import { VALIDATION_CONFIG, validationConfigFromEnv } from './config/validation-config';
import { BundleEventsConsumer } from './consumers/bundle-events.consumer';
import { ValidateSubmittedBundleHandler } from './handlers/validate-submitted-bundle.handler';
import { ValidationSuiteService } from './handlers/validation-suite.service';
import { DryRunController } from './http/dry-run.controller';
import { ValidationsController } from './http/validations.controller';
import { ParentVersionsService } from './parents/parent-versions.service';

/** The validation service: owns `validation-*` streams (one verdict per submitted version, with its report). */
@Module({
  imports: [EdictRuntimeModule.forService({ service: 'validation', relayCategories: ['validation'] })],
  controllers: [BundleEventsConsumer, ValidationsController, DryRunController],
  providers: [
    { provide: VALIDATION_CONFIG, useFactory: () => validationConfigFromEnv() },
    ServingClient,
    DecisionExportClient,
    ParentVersionsService,
    ValidationSuiteService,
    ValidateSubmittedBundleHandler,
  ],
})
export class ValidationModule {}
