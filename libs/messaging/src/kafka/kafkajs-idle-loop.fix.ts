import { requestQueuePrototype } from './kafkajs-internals';

/** The fields of kafkajs's RequestQueue (one per broker connection) that the fix reads. */
interface RequestQueue {
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  readonly pending: readonly unknown[];
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

// kafkajs's own interval for re-checking a non-empty queue
const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;

/**
 * kafkajs 2.2.4 keeps every idle connection busy: with nothing pending and no throttle,
 * `scheduleCheckPendingRequests` sets a timeout of a negative delay (1 ms), whose callback
 * schedules the next one, forever (tulios/kafkajs issues 1556 and 1704, unmerged fixes). That
 * loop is most of an idle service's CPU (measured on the PDP). This replaces the method with the
 * same one that schedules nothing when there is nothing to check: a request queued later
 * schedules its own check. Applied once per process by `createKafka`, before its client connects,
 * so every service gets it; only to kafkajs 2.2.4 (another version keeps its own code).
 */
let applied = false;
export function fixKafkajsIdleLoop(): boolean {
  if (applied) return true;
  const queue = requestQueuePrototype<RequestQueue>(['scheduleCheckPendingRequests', 'checkPendingRequests']);
  if (!queue) return false;
  applied = true;
  queue.scheduleCheckPendingRequests = function (this: RequestQueue): void {
    if (this.throttleCheckTimeoutId) return;
    let scheduleAt = this.throttledUntil - Date.now();
    if (this.pending.length > 0) scheduleAt = scheduleAt > 0 ? scheduleAt : CHECK_PENDING_REQUESTS_INTERVAL_MS;
    else if (scheduleAt <= 0) return;
    this.throttleCheckTimeoutId = setTimeout(() => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    }, scheduleAt);
  };
  return true;
}
