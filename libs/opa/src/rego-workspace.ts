import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RegoSource } from './rego-source.types';

/**
 * Writes the modules (names already checked by `checkModuleNames`) and the data into a private
 * temp dir, runs `work` in it and removes the dir whatever happens. The data goes to
 * `<dataRoot>/data.json`, so OPA serves it at that path (`data.edict.org.egress…`).
 */
export async function withRegoWorkspace<T>(rego: RegoSource, dataRoot: string | undefined, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'edict-rego-'));
  try {
    for (const [name, source] of Object.entries(rego.modules ?? {})) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, source, { mode: 0o600 });
    }
    if (rego.data !== undefined && Object.keys(rego.data).length > 0) {
      const dataDir = dataRoot === undefined ? dir : join(dir, ...dataRoot.split('/'));
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(join(dataDir, 'data.json'), JSON.stringify(rego.data), { mode: 0o600 });
    }
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
