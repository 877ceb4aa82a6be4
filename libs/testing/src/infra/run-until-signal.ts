import { infraEnvironment } from './infra-environment';
import type { InfraHandle, StartInfraOptions } from './infra-handle';
import { startInfra } from './start-infra';

/** Options of `runInfraUntilSignal`. */
export interface RunInfraOptions extends Omit<StartInfraOptions, 'stopOnSignals'> {
  /** Called once everything is up, with the variables to hand to other processes. */
  readonly onReady?: (env: Record<string, string>, handle: InfraHandle) => void | Promise<void>;
  /** Called on shutdown before the infrastructure stops (stop the services that use it). */
  readonly beforeStop?: () => void | Promise<void>;
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    // Pending promises and signal listeners do not keep Node alive; with containers or env
    // URLs there may be no child process either, so hold the event loop open explicitly.
    const keepAlive = setInterval(() => undefined, 1 << 30);
    const onSignal = (signal: NodeJS.Signals): void => {
      clearInterval(keepAlive);
      process.removeListener('SIGINT', onSignal).removeListener('SIGTERM', onSignal);
      // A second signal while stopping means "now": exit, the exit hook kills what is left.
      process.once(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
      resolve(signal);
    };
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  });
}

/**
 * Starts the infrastructure, calls `onReady`, waits for SIGINT or SIGTERM, then calls
 * `beforeStop` and stops everything, in that order. Resolves with the signal received, so the
 * caller can exit with 128 + its number. For tools/infra.mjs and the local-stack script.
 */
export async function runInfraUntilSignal(options: RunInfraOptions = {}): Promise<NodeJS.Signals> {
  const handle = await startInfra({ ...options, stopOnSignals: false });
  try {
    const signal = untilSignal();
    await options.onReady?.(infraEnvironment(handle), handle);
    return await signal;
  } finally {
    try {
      await options.beforeStop?.();
    } finally {
      await handle.stop();
    }
  }
}
