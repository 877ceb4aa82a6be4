import { EdictError, isEdictError, UnavailableError } from '@edict/core';

/** Codes of the publisher's failures (STYLE.md §7). */
export const PublishCodes = {
  /** the broker could not be reached or did not answer in time: retry later */
  failed: 'MESSAGING.PUBLISH_FAILED',
  /** the broker refused these messages (too large, invalid record): retrying them cannot help */
  rejected: 'MESSAGING.MESSAGE_REJECTED',
} as const;

// Broker answers about the messages themselves, not about the broker or the topic.
const MESSAGE_FAULTS = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD', 'CORRUPT_MESSAGE', 'INVALID_TIMESTAMP']);

interface KafkaLikeError {
  readonly name: string;
  readonly type?: unknown;
  readonly cause?: unknown;
}

/**
 * Whether a send failed because of its messages rather than the broker: a protocol error about a
 * record (kafkajs wraps it, possibly in retries-exceeded, with the original as `cause`), an
 * error that is not kafkajs's at all (the messages could not be encoded), or the publisher's
 * `MESSAGING.MESSAGE_REJECTED`. Connection errors, timeouts and other EdictErrors are transient.
 */
export function isMessageRejection(error: unknown): boolean {
  // the publisher's own errors say which they are
  if (isEdictError(error)) return error.code === PublishCodes.rejected;
  let current: unknown = error;
  for (let hops = 0; hops < 8 && current instanceof Error; hops++) {
    const e = current as KafkaLikeError;
    if (e.name === 'KafkaJSProtocolError') return typeof e.type === 'string' && MESSAGE_FAULTS.has(e.type);
    if (!e.name.startsWith('KafkaJS')) return true;
    if (e.cause === undefined || e.cause === current) return false;
    current = e.cause;
  }
  return false;
}

/** The EdictError for a failed send: rejected (not retriable) or failed (retriable). */
export function publishFailure(topic: string, error: unknown): EdictError {
  const detail = error instanceof Error ? error.message : String(error);
  return isMessageRejection(error)
    ? new EdictError(PublishCodes.rejected, `the broker refused messages for ${topic}: ${detail}`, 502, false, { topic })
    : new UnavailableError(PublishCodes.failed, `could not publish to ${topic}: ${detail}`, { topic });
}

/** Rejects with `onTimeout()` when `promise` has not settled within `ms`; the timer never holds the process open. */
export function withDeadline<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
    timer.unref();
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
