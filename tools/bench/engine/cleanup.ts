/**
 * What a benchmark run started (infra, services, OPA, temp folders), stopped newest first and
 * only once: by the run's `finally`, or by Ctrl-C / SIGTERM while `armSignals` is in force, so
 * an interrupted run does not leave seven services and a broker behind. A failing stop is
 * reported and the others still run.
 */
export class Cleanup {
  private readonly stops: { readonly what: string; readonly stop: () => Promise<void> | void }[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly log: (line: string) => void) {}

  add(what: string, stop: () => Promise<void> | void): void {
    this.stops.push({ what, stop });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const { what, stop } of [...this.stops].reverse()) {
        try {
          await stop();
        } catch (error) {
          this.log(`cleanup: stopping ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    })();
    return this.running;
  }

  /**
   * Until the returned function is called, SIGINT/SIGTERM stop everything and exit (130/143).
   * Repeated signals are ignored rather than cutting the cleanup short: Ctrl-C reaches this
   * process both from the terminal and forwarded by run.mjs, and every stop is bounded anyway.
   * `on`, not `once`: signal-exit (loaded with the infra harness) re-raises a signal when it
   * sees no other listener, which would kill this process in the middle of its cleanup.
   */
  armSignals(): () => void {
    let received = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (received) return;
      received = true;
      this.log(`bench:engine: ${signal}, stopping what the HTTP comparison started…`);
      void this.run().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    };
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
    return () => void process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}
