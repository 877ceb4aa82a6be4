import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InfraError } from './infra-error';

/**
 * The workspace root, found by walking up from this file until `tools/kafka/pom.xml` appears.
 * Works both from sources (jest) and from the compiled copy in dist/ (tools/infra.mjs).
 */
export function repoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'tools', 'kafka', 'pom.xml'))) return dir;
    if (dirname(dir) === dir) {
      throw new InfraError('INFRA.BAD_ENVIRONMENT', `no Edict workspace (tools/kafka/pom.xml) above ${from}`);
    }
  }
}
