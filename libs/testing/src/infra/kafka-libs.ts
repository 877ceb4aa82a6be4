import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { InfraError } from './infra-error';
import { runCommand } from './run-command';

/** Where the broker's jars live, and whether this call had to download them. */
export interface KafkaLibs {
  readonly version: string;
  readonly libsDir: string;
  readonly downloaded: boolean;
}

/** The Kafka version pinned in tools/kafka/pom.xml, the one place it is written down. */
export function kafkaVersionFromPom(pomXml: string): string {
  const match = /<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/.exec(pomXml);
  if (!match) throw new InfraError('INFRA.BAD_ENVIRONMENT', 'tools/kafka/pom.xml has no <kafka.version> property');
  return match[1]!;
}

/** The pinned Kafka version of the workspace at `root`. */
export const pinnedKafkaVersion = (root: string): string =>
  kafkaVersionFromPom(readFileSync(join(root, 'tools', 'kafka', 'pom.xml'), 'utf8'));

const isComplete = (libsDir: string, version: string): boolean => existsSync(join(libsDir, `kafka_2.13-${version}.jar`));

/**
 * Makes sure `<cacheDir>/kafka-<version>/libs` holds the broker's jars. Maven copies them into
 * a fresh temp folder next to it, which is then renamed into place: a rename is atomic, so a
 * run that is killed mid-download, or two runs racing, never leave a half-filled libs/.
 */
export async function ensureKafkaLibs(root: string, cacheDir: string, log: (line: string) => void): Promise<KafkaLibs> {
  const pom = join(root, 'tools', 'kafka', 'pom.xml');
  const version = pinnedKafkaVersion(root);
  const home = join(cacheDir, `kafka-${version}`);
  const libsDir = join(home, 'libs');
  if (isComplete(libsDir, version)) return { version, libsDir, downloaded: false };

  mkdirSync(home, { recursive: true });
  const staging = mkdtempSync(join(home, 'libs.tmp-'));
  try {
    log(`infra: kafka: fetching Apache Kafka ${version} jars from Maven Central into ${libsDir} (once)`);
    const args = ['-q', '-B', '-f', pom, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${staging}`];
    await runCommand('mvn', args, { errorCode: 'INFRA.KAFKA_DOWNLOAD_FAILED', timeoutMs: 15 * 60_000 }).catch((error: InfraError) => {
      const hint = /ENOENT/.test(error.message) ? ' (Maven is not installed: apt-get install maven)' : '';
      throw new InfraError('INFRA.KAFKA_DOWNLOAD_FAILED', `${error.message}${hint}`, error.details);
    });
    if (!isComplete(staging, version)) {
      throw new InfraError('INFRA.KAFKA_DOWNLOAD_FAILED', `mvn finished but kafka_2.13-${version}.jar is missing in ${staging}`);
    }
    try {
      renameSync(staging, libsDir);
    } catch (error) {
      // Another run renamed its copy first: theirs is complete too, so use it.
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || !isComplete(libsDir, version)) throw error;
    }
    return { version, libsDir, downloaded: true };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
