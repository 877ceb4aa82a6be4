import { createRequire } from 'node:module';
import { createKafka } from './kafka-client.factory';

interface Entry {
  readonly apiKey: number;
  readonly apiName: string;
  readonly apiVersion: number;
  readonly correlationId: number;
  readonly resolve: jest.Mock;
  readonly reject: jest.Mock;
}
interface Queue {
  scheduleRequestTimeoutCheck(): void;
  push(request: { entry: Entry; expectResponse: boolean; requestTimeout?: number; sendRequest: () => void }): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
  rejectAll(error: Error): void;
  destroy(): void;
  readonly inflight: Map<number, unknown>;
}
type QueueClass = new (options: Record<string, unknown>) => Queue;

const RequestQueue = createRequire(__filename)('kafkajs/src/network/requestQueue/index.js') as QueueClass;
const logger = { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() };

/** A real kafkajs RequestQueue (one broker connection's), connected, requests timing out after 1 s. */
function connectedQueue(enforceRequestTimeout = true): Queue {
  const queue = new RequestQueue({ maxInFlightRequests: null, requestTimeout: 1000, enforceRequestTimeout, clientId: 'spec', broker: 'b:9092', logger, isConnected: () => true });
  queue.scheduleRequestTimeoutCheck(); // what Connection does on connect
  return queue;
}

let nextId = 0;
function send(queue: Queue, requestTimeout?: number): Entry {
  const entry: Entry = { apiKey: 3, apiName: 'Metadata', apiVersion: 6, correlationId: nextId++, resolve: jest.fn(), reject: jest.fn() };
  queue.push({ entry, expectResponse: true, sendRequest: () => undefined, ...(requestTimeout !== undefined ? { requestTimeout } : {}) });
  return entry;
}

describe("kafkajs's request timeouts, a timer per request in flight (createKafka's fix)", () => {
  beforeAll(() => {
    createKafka('request-timeout-spec', ['127.0.0.1:9']); // applies the fixes; connects nothing
  });
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('keeps no timer on a connected, idle connection (kafkajs 2.2.4 ran a 100 ms interval)', () => {
    connectedQueue();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('times a silent request out at its deadline, and only then', () => {
    const queue = connectedQueue();
    const entry = send(queue);
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(999);
    expect(entry.reject).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(entry.reject).toHaveBeenCalledWith(expect.objectContaining({ name: 'KafkaJSRequestTimeoutError' }));
    expect(queue.inflight.size).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  it("uses a request's own longer timeout (a long-polled Fetch)", () => {
    const entry = send(connectedQueue(), 5000);
    jest.advanceTimersByTime(4999);
    expect(entry.reject).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(entry.reject).toHaveBeenCalledTimes(1);
  });

  it('clears the timer of an answered request', () => {
    const queue = connectedQueue();
    const answered = send(queue);
    const silent = send(queue);
    queue.fulfillRequest({ correlationId: answered.correlationId, payload: Buffer.alloc(0), size: 0 });
    expect(answered.resolve).toHaveBeenCalledTimes(1);
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(1000);
    expect(answered.reject).not.toHaveBeenCalled();
    expect(silent.reject).toHaveBeenCalledTimes(1);
  });

  it('clears every timer when the connection rejects all (closed) or the queue is destroyed (disconnect)', () => {
    const queue = connectedQueue();
    const closed = send(queue);
    queue.rejectAll(new Error('Closed connection'));
    expect(closed.reject).toHaveBeenCalledWith(expect.objectContaining({ message: 'Closed connection' }));
    send(queue);
    queue.destroy();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('covers what is still in flight after a reconnect, at its original deadline', () => {
    const queue = connectedQueue();
    const entry = send(queue);
    jest.advanceTimersByTime(600);
    queue.scheduleRequestTimeoutCheck();
    jest.advanceTimersByTime(399);
    expect(entry.reject).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(entry.reject).toHaveBeenCalledTimes(1);
  });

  it('arms nothing when request timeouts are not enforced', () => {
    const entry = send(connectedQueue(false));
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(5000);
    expect(entry.reject).not.toHaveBeenCalled();
  });
});
