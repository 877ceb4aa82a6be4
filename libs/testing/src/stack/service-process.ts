import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import type { ServiceName } from './service-names';

/** A service running as its own process (`node dist/apps/<name>/src/main.js`). */
export interface ServiceProcess {
  readonly name: ServiceName;
  readonly url: string;
  readonly logFile: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts one service with the given environment; its stdout and stderr go to `<logDir>/<name>.log`. */
export function spawnService(root: string, name: ServiceName, port: number, env: NodeJS.ProcessEnv, logDir: string): ServiceProcess {
  const logFile = join(logDir, `${name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist', 'apps', name, 'src', 'main.js')], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    logFile,
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
        await exited;
        clearTimeout(timer);
      }
      log.end();
    },
  };
}
