/**
 * When the next connect may be tried after failures: `initialMs`, doubling per consecutive
 * failure up to `maxMs`, reset by a success. Time is read from `now` (tests inject it).
 */
export class ConnectBackoff {
  private failures = 0;
  private retryAt = 0;
  /** the last failure's message, for errors and logs */
  lastError: string | undefined;

  constructor(
    private readonly initialMs: number,
    private readonly maxMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** 0 when a connect may be tried now, else how long to wait. */
  remainingMs(): number {
    return Math.max(0, this.retryAt - this.now());
  }

  failed(error: unknown): void {
    this.failures++;
    this.lastError = error instanceof Error ? error.message : String(error);
    this.retryAt = this.now() + Math.min(this.maxMs, this.initialMs * 2 ** (this.failures - 1));
  }

  succeeded(): void {
    this.failures = 0;
    this.retryAt = 0;
    this.lastError = undefined;
  }
}
