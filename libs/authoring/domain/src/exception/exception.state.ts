import type { ExceptionRequested, ExceptionStatus } from '@edict/contracts';

/** An `exception-<id>` stream folded: nothing yet, or the request and where it stands. */
export type ExceptionState =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'exists';
      readonly status: ExceptionStatus;
      readonly request: ExceptionRequested['data'];
      readonly approvedBy?: string;
      readonly approvedAt?: string;
      readonly revokedBy?: string;
      readonly revokedAt?: string;
      readonly revokeReason?: string;
      readonly expiredAt?: string;
    };

export const initialExceptionState = (): ExceptionState => ({ kind: 'none' });
