#!/usr/bin/env node
// Writes a throwaway Ed25519 private JWK for local and dev stacks (never for production: there
// the key comes from a secret manager). Used by docker/compose.yaml's signing-key-init and by
// the k8s dev overlay (docs/operations.md).
//
//   node docker/dev-signing-key.cjs               print the JWK
//   node docker/dev-signing-key.cjs FILE [UID]    write FILE (mode 0400) unless it exists;
//                                                 chown to UID (as root, for a volume)
'use strict';
const { generateKeyPairSync } = require('node:crypto');
const { existsSync, writeFileSync, chownSync } = require('node:fs');

const [file, uid] = process.argv.slice(2);
if (file && existsSync(file)) {
  process.stdout.write(`${file} exists; keeping it\n`);
  process.exit(0);
}
const { privateKey } = generateKeyPairSync('ed25519');
// No kid: signing derives it from the public key (RFC 7638 thumbprint).
const jwk = { ...privateKey.export({ format: 'jwk' }), alg: 'EdDSA', use: 'sig' };
const text = `${JSON.stringify(jwk)}\n`;
if (!file) {
  process.stdout.write(text);
  process.exit(0);
}
writeFileSync(file, text, { mode: 0o400, flag: 'wx' });
if (uid) chownSync(file, Number(uid), Number(uid));
process.stdout.write(`wrote ${file}\n`);
