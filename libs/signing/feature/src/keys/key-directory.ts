import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { JWK } from 'jose';
import { generateSigningKey, signingKeyOf, type SigningKey } from './private-jwk';

/** Where private keys live: a directory of `<kid>.jwk.json`, and the key a replica starts with. */
export interface KeyDirectoryConfig {
  readonly dir: string;
  readonly initialKeyFile: string;
}

/**
 * Private signing keys by id. Rotation writes `<dir>/<kid>.jwk.json` (mode 0600); every
 * replica reads keys from the same directory (a shared volume or a synced Secret), so any of
 * them can sign with the keyring's active key. Private keys never leave this class: the
 * keyring gets public JWKs only.
 */
export class KeyDirectory {
  private readonly loaded = new Map<string, SigningKey>();

  constructor(readonly config: KeyDirectoryConfig) {}

  /**
   * The initial key (`EDICT_SIGNING_KEY_FILE`); when the file does not exist yet a key is
   * generated there — convenient locally; in production mount it.
   */
  async initialKey(): Promise<SigningKey> {
    const file = this.config.initialKeyFile;
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify((await generateSigningKey()).privateJwk), { mode: 0o600 });
    }
    return this.remember(await signingKeyOf(JSON.parse(readFileSync(file, 'utf8')) as JWK, file));
  }

  /** A new ES256 key, written to the directory before anyone is told about it. */
  async generate(): Promise<SigningKey> {
    const { key, privateJwk } = await generateSigningKey();
    mkdirSync(this.config.dir, { recursive: true, mode: 0o700 });
    writeFileSync(this.fileOf(key.kid), JSON.stringify(privateJwk), { mode: 0o600, flag: 'wx' });
    return this.remember(key);
  }

  /** The private key with this id (the initial key once loaded, or a file of the directory), or undefined when this replica does not have it. */
  async find(kid: string): Promise<SigningKey | undefined> {
    const held = this.loaded.get(kid);
    if (held) return held;
    const file = this.fileOf(kid);
    if (!existsSync(file)) return undefined;
    const key = await signingKeyOf(JSON.parse(readFileSync(file, 'utf8')) as JWK, file);
    if (key.kid !== kid) throw new Error(`${file} holds key ${key.kid}, not ${kid}`);
    return this.remember(key);
  }

  private fileOf(kid: string): string {
    // kids are base64url thumbprints; anything else never names a file
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(kid)) throw new Error(`not a key id: ${kid}`);
    return join(this.config.dir, `${kid}.jwk.json`);
  }

  private remember(key: SigningKey): SigningKey {
    this.loaded.set(key.kid, key);
    return key;
  }
}
