import type { ChildProcess } from 'node:child_process';

/** What is known about a spawned child: whether it is gone, and why. */
export interface ChildLifecycle {
  readonly exited: Promise<void>;
  /** Undefined while it runs; afterwards how it ended (exit code, signal or spawn error). */
  ended(): string | undefined;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the child is gone. */
  terminate(graceMs: number): Promise<void>;
}

/** Watches a child from the moment it is spawned, so an early exit is never missed. */
export function watchChild(child: ChildProcess): ChildLifecycle {
  let ending: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      ending ??= signal ? `exited on ${signal}` : `exited with code ${String(code)}`;
      resolve();
    });
    // A spawn failure (e.g. no java on PATH) emits 'error' and never 'exit'.
    child.once('error', (error) => {
      ending ??= `could not run: ${error.message}`;
      resolve();
    });
  });
  const terminate = async (graceMs: number): Promise<void> => {
    if (ending !== undefined) return;
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([exited, grace]);
    clearTimeout(timer);
    if (ending === undefined) child.kill('SIGKILL');
    await exited;
  };
  return { exited, ended: () => ending, terminate };
}
