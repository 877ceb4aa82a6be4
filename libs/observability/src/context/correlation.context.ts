import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The ids that follow one unit of work from an HTTP request through Kafka and back. */
export interface CorrelationContext {
  /** shared by everything caused, directly or not, by one original request */
  readonly correlationId: string;
  /** the id of the message or event that directly caused the current work, if any */
  readonly causationId?: string;
}

/** What a caller may pass in: a missing correlation id starts a new correlation. */
export interface CorrelationIds {
  readonly correlationId?: string;
  readonly causationId?: string;
}

const storage = new AsyncLocalStorage<CorrelationContext>();

/**
 * Runs `fn` with the given ids as the current context; everything it awaits or schedules sees
 * them (logs, outgoing events). The signature fits the messaging layer's `withContext` option,
 * so a consumed event's ids carry on into the handler.
 */
export function runWithContext<T>(ids: CorrelationIds, fn: () => T): T {
  const context: CorrelationContext = {
    correlationId: ids.correlationId ?? randomUUID(),
    ...(ids.causationId === undefined ? {} : { causationId: ids.causationId }),
  };
  return storage.run(context, fn);
}

/** The context of the work in progress, or undefined outside of `runWithContext`. */
export function currentContext(): CorrelationContext | undefined {
  return storage.getStore();
}
