import { requestQueuePrototype } from './kafkajs-internals';

/** What the fix reads of kafkajs's SocketRequest (one request on a connection). */
interface SocketRequest {
  readonly correlationId: number;
  readonly sentAt: number | null;
  readonly requestTimeout: number;
  timeoutRequest(): void;
}

const TIMERS = Symbol('edict:requestTimeoutTimers');
const ENFORCING = Symbol('edict:enforcingRequestTimeouts');

/** The fields and methods of kafkajs's RequestQueue that the fix reads or replaces. */
interface RequestQueue {
  readonly enforceRequestTimeout: boolean;
  readonly inflight: Map<number, SocketRequest>;
  [TIMERS]?: Map<number, NodeJS.Timeout>;
  [ENFORCING]?: boolean;
  scheduleRequestTimeoutCheck: (this: RequestQueue) => void;
  sendSocketRequest: (this: RequestQueue, request: SocketRequest) => void;
  fulfillRequest: (this: RequestQueue, response: { readonly correlationId: number }) => void;
  rejectAll: (this: RequestQueue, error: Error) => void;
  destroy: (this: RequestQueue) => void;
}

const timersOf = (queue: RequestQueue): Map<number, NodeJS.Timeout> => (queue[TIMERS] ??= new Map<number, NodeJS.Timeout>());

/** A timer at the request's deadline that times it out if it is still in flight then. */
function arm(queue: RequestQueue, request: SocketRequest): void {
  const timers = timersOf(queue);
  clearTimeout(timers.get(request.correlationId));
  const delay = Math.max(0, (request.sentAt ?? Date.now()) + request.requestTimeout - Date.now());
  timers.set(request.correlationId, setTimeout(() => {
    timers.delete(request.correlationId);
    if (queue.inflight.get(request.correlationId) === request) request.timeoutRequest();
  }, delay));
}

function disarm(queue: RequestQueue, correlationId: number): void {
  const timers = timersOf(queue);
  clearTimeout(timers.get(correlationId));
  timers.delete(correlationId);
}

function disarmAll(queue: RequestQueue): void {
  const timers = timersOf(queue);
  timers.forEach((timer) => clearTimeout(timer));
  timers.clear();
}

/**
 * kafkajs 2.2.4 times out requests with a `setInterval` of min(requestTimeout, 100 ms) per
 * broker connection, started at connect and running while the connection lives: 10 wake-ups a
 * second per connection of an idle process (most of an idle PDP's wake-ups, measured with
 * strace). This replaces it with a timer per request in flight, armed when the request is sent at
 * its own deadline (sentAt + requestTimeout, the interval's condition) and cleared when the
 * answer comes (fulfillRequest), when the connection rejects everything (rejectAll: closed,
 * failed) or when the queue is destroyed (disconnect, reconnect): an idle connection has no timer,
 * and a request still times out, now at its deadline rather than up to 100 ms after it. As
 * before, a reconnect (`scheduleRequestTimeoutCheck`) covers what is still in flight, and
 * `enforceRequestTimeout: false` arms nothing. Applied once per process by `createKafka`, only
 * to kafkajs 2.2.4 (another version keeps its own code).
 */
let applied = false;
export function fixKafkajsRequestTimeouts(): boolean {
  if (applied) return true;
  const queue = requestQueuePrototype<RequestQueue>(['scheduleRequestTimeoutCheck', 'sendSocketRequest', 'fulfillRequest', 'rejectAll', 'destroy']);
  if (!queue) return false;
  applied = true;
  const { sendSocketRequest, fulfillRequest, rejectAll, destroy } = queue;
  queue.scheduleRequestTimeoutCheck = function (this: RequestQueue): void {
    if (!this.enforceRequestTimeout) return;
    this.destroy();
    this[ENFORCING] = true;
    this.inflight.forEach((request) => arm(this, request));
  };
  queue.sendSocketRequest = function (this: RequestQueue, request: SocketRequest): void {
    sendSocketRequest.call(this, request);
    // a request that expects no answer has left `inflight` already
    if (this[ENFORCING] && this.inflight.get(request.correlationId) === request) arm(this, request);
  };
  queue.fulfillRequest = function (this: RequestQueue, response: { readonly correlationId: number }): void {
    disarm(this, response.correlationId);
    fulfillRequest.call(this, response);
  };
  queue.rejectAll = function (this: RequestQueue, error: Error): void {
    disarmAll(this);
    rejectAll.call(this, error);
  };
  queue.destroy = function (this: RequestQueue): void {
    destroy.call(this);
    this[ENFORCING] = false;
    disarmAll(this);
  };
  return true;
}
