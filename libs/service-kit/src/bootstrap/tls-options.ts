import { readFileSync } from 'node:fs';

/** Certificate and key a service serves HTTPS with. */
export interface TlsOptions {
  readonly cert: Buffer;
  readonly key: Buffer;
}

/**
 * `EDICT_TLS_CERT_FILE` and `EDICT_TLS_KEY_FILE` (PEM) turn a service's listener into HTTPS; both
 * or neither. Clients trust a private CA through Node's `NODE_EXTRA_CA_CERTS`. A file that cannot
 * be read stops the service at start rather than serving plain HTTP by surprise.
 */
export function tlsOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): TlsOptions | undefined {
  const certFile = env['EDICT_TLS_CERT_FILE'] || undefined;
  const keyFile = env['EDICT_TLS_KEY_FILE'] || undefined;
  if (!certFile && !keyFile) return undefined;
  if (!certFile || !keyFile) throw new Error('EDICT_TLS_CERT_FILE and EDICT_TLS_KEY_FILE go together: set both, or neither');
  return { cert: readFileSync(certFile), key: readFileSync(keyFile) };
}
