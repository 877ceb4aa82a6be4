import { Module } from '@nestjs/common';
import { EdictRuntimeModule } from '@edict/messaging';
import { AuditAnchorService } from './audit/audit-anchor.service';
import { AuditExportController } from './audit/audit-export.controller';
import { RolloutCheckpointsConsumer } from './audit/rollout-checkpoints.consumer';
import { ApprovedBundlesConsumer } from './consumers/approved-bundles.consumer';
import { ExportVersionHandler } from './export/export-version.handler';
import { ExportsController } from './export/exports.controller';
import { RegisterInitialKeyHandler } from './handlers/register-initial-key.handler';
import { RetireKeyHandler } from './handlers/retire-key.handler';
import { RotateKeyHandler } from './handlers/rotate-key.handler';
import { SignApprovedBundleHandler } from './handlers/sign-approved-bundle.handler';
import { KeyringController } from './http/keyring.controller';
import { KeysController } from './http/keys.controller';
import { PublicKeyPemController } from './http/public-key-pem.controller';
import { ActiveSigner } from './keys/active-signer';
import { keyDirectoryProvider } from './keys/key-directory.provider';
import { OpaFormService } from './opa/opa-form.service';

/**
 * The signing service: owns `signature-*` streams, the `keyring` and `audit-checkpoint` (the
 * audit anchor: verifies the log and signs its head; `GET /v1/audit/export`). `ActiveSigner` (sign with
 * the keyring's active key) is exported for other use cases of this service.
 */
@Module({
  imports: [EdictRuntimeModule.forService({ service: 'signing', relayCategories: ['signature', 'audit'] })],
  controllers: [ApprovedBundlesConsumer, RolloutCheckpointsConsumer, AuditExportController, KeysController, KeyringController, PublicKeyPemController, ExportsController],
  providers: [keyDirectoryProvider, ActiveSigner, AuditAnchorService, OpaFormService, RegisterInitialKeyHandler, SignApprovedBundleHandler, RotateKeyHandler, RetireKeyHandler, ExportVersionHandler],
  exports: [ActiveSigner],
})
export class SigningModule {}
