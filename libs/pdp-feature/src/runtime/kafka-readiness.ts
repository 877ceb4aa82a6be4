import type { Consumer } from 'kafkajs';

/**
 * The PDP's `kafka` readiness check, without a Kafka connection per probe. Kubernetes asks
 * `/readyz` every 5 s; opening an admin client, a metadata request and a disconnect each time
 * was most of what an idle PDP did. The consumer already talks to the cluster: its held fetch
 * and heartbeat answer at least once per wait (`EDICT_PDP_CONSUMER_WAIT_MS`). So the check
 * passes without I/O while the cluster answered within `freshMs` and no request timed out or the
 * consumer crashed since; otherwise it asks the cluster itself (`probe`), and an answer counts
 * as fresh again. A cluster that stops answering is noticed within `freshMs`, a crash or a timed
 * out request at the next probe.
 */
export class KafkaReadiness {
  private lastAnswer = Number.NEGATIVE_INFINITY;
  private lastTrouble = Number.NEGATIVE_INFINITY;
  private probing: Promise<void> | undefined;

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly freshMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Follows the consumer's exchanges with the cluster; returns the function that stops following. */
  watch(consumer: Pick<Consumer, 'on' | 'events'>): () => void {
    const answered = (): void => void (this.lastAnswer = this.now());
    const troubled = (): void => void (this.lastTrouble = this.now());
    const removers = [
      consumer.on(consumer.events.REQUEST, answered),
      consumer.on(consumer.events.REQUEST_TIMEOUT, troubled),
      consumer.on(consumer.events.CRASH, troubled),
    ];
    return () => removers.forEach((remove) => remove());
  }

  /**
   * One probe at a time: against a hung broker a probe outlives the registry's 2 s timeout, and
   * each 5 s probe opening another admin connection would pile them up; a check meanwhile waits
   * for the probe in flight.
   */
  async check(): Promise<void> {
    if (answeredLately(this.lastAnswer, this.lastTrouble, this.now(), this.freshMs)) return;
    await (this.probing ??= this.probe()
      .then(() => void (this.lastAnswer = this.now()))
      .finally(() => (this.probing = undefined)));
  }
}

/** Whether the cluster answered within `freshMs` of `now`, after the last trouble. */
export const answeredLately = (lastAnswer: number, lastTrouble: number, now: number, freshMs: number): boolean =>
  now - lastAnswer <= freshMs && lastAnswer > lastTrouble;
