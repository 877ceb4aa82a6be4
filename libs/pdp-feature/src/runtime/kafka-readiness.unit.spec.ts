import { EventEmitter } from 'node:events';
import { KafkaReadiness } from './kafka-readiness';

const events = { REQUEST: 'consumer.network.request', REQUEST_TIMEOUT: 'consumer.network.request_timeout', CRASH: 'consumer.crash' } as const;

function setup(probeFails = false) {
  let now = 1_000_000;
  const probes: number[] = [];
  const probe = () => {
    probes.push(now);
    return probeFails ? Promise.reject(new Error('There is no leader for this topic-partition')) : Promise.resolve();
  };
  const readiness = new KafkaReadiness(probe, 35_000, () => now);
  const emitter = new EventEmitter();
  const consumer = {
    events,
    on: (event: string, listener: () => void) => {
      emitter.on(event, listener);
      return () => emitter.off(event, listener);
    },
  } as never;
  const stop = readiness.watch(consumer);
  return { readiness, probes, emit: (event: string) => emitter.emit(event, {}), later: (ms: number) => (now += ms), stop, emitter };
}

describe('KafkaReadiness', () => {
  it('asks the cluster itself until the consumer has heard from it', async () => {
    const { readiness, probes } = setup();
    await readiness.check();
    expect(probes).toHaveLength(1);
  });

  it('passes without asking while the consumer heard an answer within the fresh window', async () => {
    const { readiness, probes, emit, later } = setup();
    emit(events.REQUEST);
    later(35_000);
    await readiness.check();
    expect(probes).toHaveLength(0);
  });

  it('asks again once the last answer is older than the window, and an answer to it counts as fresh', async () => {
    const { readiness, probes, emit, later } = setup();
    emit(events.REQUEST);
    later(35_001);
    await readiness.check();
    later(10_000);
    await readiness.check();
    expect(probes).toHaveLength(1);
  });

  it('asks again after a timed-out request or a consumer crash, even with a fresh answer before it', async () => {
    for (const trouble of [events.REQUEST_TIMEOUT, events.CRASH]) {
      const { readiness, probes, emit, later } = setup();
      emit(events.REQUEST);
      later(1);
      emit(trouble);
      await readiness.check();
      expect(probes).toHaveLength(1);
    }
  });

  it('fails with the probe\'s error when the cluster does not answer, and stays unproven for the next check', async () => {
    const { readiness, probes, later } = setup(true);
    await expect(readiness.check()).rejects.toThrow('no leader');
    later(1000);
    await expect(readiness.check()).rejects.toThrow('no leader');
    expect(probes).toHaveLength(2);
  });

  it('runs one probe at a time: checks while it is in flight wait for it, the next after it asks again', async () => {
    let release: () => void = () => undefined;
    let probes = 0;
    const readiness = new KafkaReadiness(() => {
      probes++;
      return new Promise<void>((resolve) => (release = resolve));
    }, 35_000, () => 0);
    const first = readiness.check();
    const second = readiness.check();
    expect(probes).toBe(1);
    release();
    await expect(Promise.all([first, second])).resolves.toEqual([undefined, undefined]);
    const failing = new KafkaReadiness(() => (probes++, Promise.reject(new Error('down'))), 35_000, () => 0);
    await expect(failing.check()).rejects.toThrow('down');
    await expect(failing.check()).rejects.toThrow('down');
    expect(probes).toBe(3);
  });

  it('stops following the consumer when told', () => {
    const { stop, emitter } = setup();
    stop();
    expect(Object.values(events).map((e) => emitter.listenerCount(e))).toEqual([0, 0, 0]);
  });
});
