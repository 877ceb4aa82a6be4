import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** `$JAVA_HOME/bin/java` when JAVA_HOME points at a JDK/JRE, else `java` from PATH. */
export function javaBinary(env: NodeJS.ProcessEnv = process.env): string {
  const fromHome = env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : undefined;
  return fromHome && existsSync(fromHome) ? fromHome : 'java';
}
