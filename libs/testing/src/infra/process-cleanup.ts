/** Something the harness started that must not outlive this process. */
export interface TrackedResource {
  readonly name: string;
  /** Graceful stop; must be idempotent. */
  stop(): Promise<void>;
  /** Last resort inside `process.on('exit')`, where only synchronous work runs. */
  stopSync(): void;
}

const live = new Set<TrackedResource>();
let exitHookInstalled = false;
let signalHooksInstalled = false;
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

function stopAllSync(): void {
  for (const resource of [...live].reverse()) {
    try {
      resource.stopSync();
    } catch (error) {
      // Nothing can be awaited or thrown at exit; say what is left behind instead.
      process.stderr.write(`infra: could not stop ${resource.name} at exit: ${String(error)}\n`);
    }
  }
  live.clear();
}

/** Stops every tracked resource gracefully (newest first); reports failures on stderr. */
export async function stopAllTracked(): Promise<void> {
  const results = await Promise.allSettled([...live].reverse().map((r) => r.stop()));
  for (const result of results) {
    if (result.status === 'rejected') process.stderr.write(`infra: stop failed: ${String(result.reason)}\n`);
  }
}

function onSignal(signal: keyof typeof SIGNAL_EXIT_CODES): void {
  // A second signal while stopping means "now": exit, and the exit hook kills what is left.
  process.once(signal, () => process.exit(SIGNAL_EXIT_CODES[signal]));
  void stopAllTracked().finally(() => process.exit(SIGNAL_EXIT_CODES[signal]));
}

/**
 * Registers a resource for cleanup on process exit and, when `stopOnSignals`, on SIGINT and
 * SIGTERM (stop everything, then exit 130/143). Returns the function that unregisters it.
 */
export function trackResource(resource: TrackedResource, stopOnSignals = true): () => void {
  if (!exitHookInstalled) {
    process.once('exit', stopAllSync);
    exitHookInstalled = true;
  }
  if (stopOnSignals && !signalHooksInstalled) {
    process.once('SIGINT', () => onSignal('SIGINT'));
    process.once('SIGTERM', () => onSignal('SIGTERM'));
    signalHooksInstalled = true;
  }
  live.add(resource);
  return () => live.delete(resource);
}
