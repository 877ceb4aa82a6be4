import type { CheckResult, ReadinessCheck } from './readiness.registry';

/** Runs one check against its timeout; never rejects (a failure is a result). */
export async function runCheck(check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  const start = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    // A check that throws synchronously is as down as one that rejects.
    const outcome = await Promise.race([Promise.resolve().then(check), timeout]);
    const durationMs = Date.now() - start;
    if (outcome === 'timeout') return { status: 'timeout', durationMs, error: `no answer within ${timeoutMs} ms` };
    return typeof outcome === 'string' && outcome !== '' ? { status: 'up', durationMs, detail: outcome } : { status: 'up', durationMs };
  } catch (error) {
    return { status: 'down', durationMs: Date.now() - start, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
