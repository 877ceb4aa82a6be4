import { spawnSync } from 'node:child_process';
import type { StartedTestContainer } from 'testcontainers';
import type { InfraSource, StartedComponent } from './infra-handle';
import { trackResource } from './process-cleanup';

/**
 * Wraps a started container as a component whose stop() removes it (once). The exit hook can
 * only try `docker rm -f` synchronously; testcontainers' reaper (Ryuk) removes whatever is
 * still left when this process dies, even after SIGKILL.
 */
export function containerComponent<T>(
  container: StartedTestContainer,
  value: T,
  detail: string,
  stopOnSignals: boolean,
): StartedComponent<T> {
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= container.stop().then(() => {
      untrack();
    }));
  const stopSync = (): void => {
    spawnSync('docker', ['rm', '-f', '-v', container.getId()], { stdio: 'ignore', timeout: 10_000 });
  };
  const untrack = trackResource({ name: `container ${container.getName()}`, stop, stopSync }, stopOnSignals);
  const source: InfraSource = 'testcontainers';
  return { value, source, detail: `${detail} (container ${container.getId().slice(0, 12)})`, stop };
}
