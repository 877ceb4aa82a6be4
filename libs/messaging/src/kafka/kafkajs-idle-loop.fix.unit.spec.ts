import { createRequire } from 'node:module';
import { createKafka } from './kafka-client.factory';

interface Queue {
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  pending: unknown[];
  checkPendingRequests: () => void;
  scheduleCheckPendingRequests(): void;
}

const RequestQueue = createRequire(__filename)('kafkajs/src/network/requestQueue/index.js') as { prototype: Queue };

/** A RequestQueue with kafkajs's own methods and just the fields scheduling reads. */
const queue = (pending: unknown[], throttledUntil = 0): Queue =>
  Object.assign(Object.create(RequestQueue.prototype) as Queue, { pending, throttledUntil, throttleCheckTimeoutId: null, checkPendingRequests: jest.fn() });

describe("kafkajs's idle timer loop, stopped by createKafka", () => {
  beforeAll(() => {
    createKafka('idle-loop-spec', ['127.0.0.1:9']); // applies the fix; connects nothing
  });

  it('schedules nothing on an idle, unthrottled connection (kafkajs 2.2.4 set a 1 ms timeout, forever)', () => {
    const idle = queue([]);
    idle.scheduleCheckPendingRequests();
    expect(idle.throttleCheckTimeoutId).toBeNull();
  });

  it('still checks a queue with pending requests, and a throttled one when the throttle ends', () => {
    jest.useFakeTimers();
    try {
      const busy = queue([{}]);
      busy.scheduleCheckPendingRequests();
      expect(busy.throttleCheckTimeoutId).not.toBeNull();
      jest.advanceTimersByTime(10);
      expect(busy.checkPendingRequests).toHaveBeenCalledTimes(1);
      const throttled = queue([], Date.now() + 500);
      throttled.scheduleCheckPendingRequests();
      jest.advanceTimersByTime(499);
      expect(throttled.checkPendingRequests).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1);
      expect(throttled.checkPendingRequests).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
