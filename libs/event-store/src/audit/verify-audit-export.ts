import type { JWK } from 'jose';
import type { StoredEvent } from '../port/event-store.port';
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
 * Verifies an NDJSON audit export (one StoredEvent per line, from genesis). With `jwks` the
 * checkpoints must be signed by those keys (pin them: a writer who rewrote the log could also
 * have registered a key of its own); without, by the keys the export's keyring events register.
 * An unparsable line is a `malformed` break at the position it should have had.
 */
export async function verifyAuditExport(lines: AsyncIterable<string> | Iterable<string>, jwks?: readonly JWK[]): Promise<AuditExportVerification> {
  const events: StoredEvent[] = [];
  let malformedAt: number | undefined;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    try {
      events.push(JSON.parse(line) as StoredEvent);
    } catch {
      malformedAt = events.length + 1;
      break;
    }
  }
  const keys = jwks ?? events.map(keyOfRegistration).filter((k): k is JWK => k !== undefined);
  const verifier = new AuditVerifier(trustedKeys(keys));
  for (const event of events) await verifier.push(event);
  const outcome = await verifier.finish();
  if (outcome.ok && malformedAt !== undefined) {
    return { keysFrom: jwks ? 'jwks' : 'export', outcome: { ok: false, break: { position: malformedAt, kind: 'malformed', code: 'MALFORMED', reason: `line ${malformedAt} is not JSON` } } };
  }
  return { outcome, keysFrom: jwks ? 'jwks' : 'export' };
}
