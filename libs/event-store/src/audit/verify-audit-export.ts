import type { JWK } from 'jose';
import type { StoredEvent } from '../port/event-store.port';
import type { CheckpointSignatureCheck } from './audit-verifier';
import { AuditVerifier, type AuditVerification } from './audit-verifier';
import { trustedKeys } from './trusted-keys';

export interface AuditExportVerification {
  readonly outcome: AuditVerification;
  /** where the public keys came from: the caller's JWKS, or the keyring events in the export */
  readonly keysFrom: 'jwks' | 'export';
}

const keyOfRegistration = (event: StoredEvent): JWK | undefined => {
  if (event.type !== 'SigningKeyRegistered' || typeof event.data !== 'object' || event.data === null) return undefined;
  const { kid, publicJwk } = event.data as { kid?: unknown; publicJwk?: unknown };
  return typeof kid === 'string' && typeof publicJwk === 'object' && publicJwk !== null ? { ...(publicJwk as JWK), kid } : undefined;
};

/**
 * Verifies an NDJSON audit export (one StoredEvent per line, from genesis), streaming: one line
 * at a time (or a batch of lines at a time: see ndjsonLineBatches), constant memory. With `jwks` the checkpoints must be signed by those keys (pin them:
 * a writer who rewrote the log could also have registered a key of its own); without, by the keys
 * the keyring events before each checkpoint register. An unparsable line is a `malformed` break
 * at the position it should have had.
 */
export async function verifyAuditExport(
  input: AsyncIterable<string | readonly string[]> | Iterable<string | readonly string[]>,
  jwks?: readonly JWK[],
): Promise<AuditExportVerification> {
  const registered: JWK[] = [];
  const fromExport = trustedKeys(registered);
  const check: CheckpointSignatureCheck = jwks ? trustedKeys(jwks) : fromExport;
  const verifier = new AuditVerifier(check);
  const keysFrom = jwks ? 'jwks' : 'export';
  let lineNo = 0;
  let lastPosition = 0;
  // Items are lines, or batches of lines (ndjsonLineBatches) checked without an await per line.
  for await (const item of input) {
    for (const line of typeof item === 'string' ? [item] : item) {
      lineNo += 1;
      // a line that opens an object is not blank: trim (a copy per line) only for the others
      if (line.charCodeAt(0) !== 0x7b && line.trim() === '') continue;
      let event: StoredEvent;
      try {
        event = JSON.parse(line) as StoredEvent;
      } catch {
        const failed = await verifier.finish();
        if (!failed.ok) return { keysFrom, outcome: failed };
        return { keysFrom, outcome: { ok: false, break: { position: lastPosition + 1, kind: 'malformed', code: 'MALFORMED', reason: `line ${lineNo} is not JSON` } } };
      }
      if (!jwks) {
        const key = keyOfRegistration(event);
        if (key) registered.push(key);
      }
      const pushed = verifier.pushNow(event);
      if (pushed instanceof Promise ? await pushed : pushed) return { outcome: await verifier.finish(), keysFrom };
      if (typeof event.position === 'number') lastPosition = event.position;
    }
  }
  return { outcome: await verifier.finish(), keysFrom };
}
