import type { Consumer } from 'kafkajs';
import { pdpConsumerTiming, stopPdpEventConsumer } from './pdp-event-consumer';

describe("the PDP's Kafka consumer timing", () => {
  it('holds each fetch 30 s by default, beating once per wait, a session of three waits', () => {
    expect(pdpConsumerTiming({})).toEqual({ maxWaitTimeInMs: 30_000, heartbeatInterval: 30_000, sessionTimeout: 90_000, rebalanceTimeout: 5000 });
  });

  it('follows EDICT_PDP_CONSUMER_WAIT_MS, keeping a session of at least 15 s', () => {
    expect(pdpConsumerTiming({ EDICT_PDP_CONSUMER_WAIT_MS: '5000' })).toEqual({ maxWaitTimeInMs: 5000, heartbeatInterval: 5000, sessionTimeout: 15_000, rebalanceTimeout: 5000 });
    expect(pdpConsumerTiming({ EDICT_PDP_CONSUMER_WAIT_MS: '60000' }).sessionTimeout).toBe(180_000);
  });

  it('ignores a wait that is not a number of at least 100 ms', () => {
    for (const bad of ['soon', '0', '-5', '50']) expect(pdpConsumerTiming({ EDICT_PDP_CONSUMER_WAIT_MS: bad }).maxWaitTimeInMs).toBe(30_000);
  });
});

describe('stopping the consumer', () => {
  const consumerWhoseDisconnect = (done: Promise<void>): Consumer => ({ disconnect: () => done }) as unknown as Consumer;

  it('waits for a disconnect that ends within the bound', async () => {
    await expect(stopPdpEventConsumer(consumerWhoseDisconnect(Promise.resolve()), 1000)).resolves.toBe('left');
  });

  it('stops waiting at the bound while the broker still holds the fetch', async () => {
    jest.useFakeTimers();
    try {
      const stopping = stopPdpEventConsumer(consumerWhoseDisconnect(new Promise<void>(() => undefined)), 2000);
      await jest.advanceTimersByTimeAsync(2000);
      await expect(stopping).resolves.toBe('not-waited');
    } finally {
      jest.useRealTimers();
    }
  });
});
