import type { BundleSigned, SignatureEvent } from '@edict/contracts';
import { ConflictError, type Decider } from '@edict/core';

export type SignBundle = {
  readonly type: 'SignBundle';
  readonly data: Omit<BundleSigned['data'], 'signedAt'> & { readonly at: string };
};

export type SignatureState = { readonly kind: 'unsigned' } | { readonly kind: 'signed'; readonly digest: string; readonly kid: string };

/**
 * The `signature-<policyId>@<version>` aggregate. Signing an approved version is idempotent:
 * a redelivered BundleApproved finds it signed and adds nothing; a different digest for the
 * same version is refused, since versions are immutable once submitted.
 */
export const signatureDecider: Decider<SignBundle, SignatureEvent, SignatureState> = {
  initialState: () => ({ kind: 'unsigned' }),
  evolve: (_state, event) => ({ kind: 'signed', digest: event.data.digest, kid: event.data.kid }),
  decide: (command, state) => {
    const { at, ...signed } = command.data;
    if (state.kind === 'signed') {
      if (state.digest === signed.digest) return [];
      throw new ConflictError('SIGNATURE.DIGEST_MISMATCH', `${signed.policyId}@${signed.version} is already signed over another digest`, {
        signed: state.digest,
        requested: signed.digest,
      });
    }
    return [{ type: 'BundleSigned', data: { ...signed, signedAt: at } }];
  },
};
