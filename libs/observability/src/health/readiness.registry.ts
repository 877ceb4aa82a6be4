import { runCheck } from './run-check';

/**
 * A readiness check resolves when its dependency is usable and rejects (or hangs) when not. It may
 * resolve with a note (ready, but degraded: "kept the last verified state of org/x"), which
 * `/readyz` shows as the check's `detail`; it must not name hosts or secrets.
 */
export type ReadinessCheck = () => Promise<void | string>;

export type CheckStatus = 'up' | 'down' | 'timeout';

export interface CheckResult {
  readonly status: CheckStatus;
  readonly durationMs: number;
  /** why it failed; for logs only, since it may name hosts and ports */
  readonly error?: string;
  /** what a passing check noted (degraded but serving) */
  readonly detail?: string;
}

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, CheckResult>>;
}

/** Default time a check may take before it counts as failed. Probes usually time out at 1–5 s. */
export const DEFAULT_CHECK_TIMEOUT_MS = 2000;

interface Registered {
  readonly check: ReadinessCheck;
  readonly timeoutMs: number;
}

/**
 * The checks behind `GET /readyz` (e.g. "store", "kafka"). All run concurrently, each with its
 * own timeout, so one hanging dependency cannot hang the probe.
 */
export class ReadinessRegistry {
  private readonly checks = new Map<string, Registered>();

  /** Adds a check; returns a function that removes it. A name may be registered once. */
  register(name: string, check: ReadinessCheck, options: { timeoutMs?: number } = {}): () => void {
    if (this.checks.has(name)) throw new Error(`readiness check "${name}" is already registered`);
    const registered = { check, timeoutMs: options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS };
    this.checks.set(name, registered);
    return () => {
      if (this.checks.get(name) === registered) this.checks.delete(name);
    };
  }

  names(): string[] {
    return [...this.checks.keys()];
  }

  async run(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, { check, timeoutMs }]) => [name, await runCheck(check, timeoutMs)] as const),
    );
    return { ready: entries.every(([, result]) => result.status === 'up'), checks: Object.fromEntries(entries) };
  }
}

/** The process's registry; `bootstrapService` serves it at `/readyz`. */
export const readinessRegistry = new ReadinessRegistry();

/** Registers a check with the process's registry (see `ReadinessRegistry.register`). */
export function registerReadinessCheck(name: string, check: ReadinessCheck, options: { timeoutMs?: number } = {}): () => void {
  return readinessRegistry.register(name, check, options);
}
