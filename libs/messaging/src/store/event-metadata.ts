import { activeTraceparent, currentContext } from '@edict/observability';
import type { EventMetadata } from '@edict/event-store';

/**
 * Metadata for events appended now: the actor, the current correlation and causation ids, and
 * (when tracing is on) the active trace context, so the relay can publish inside the same trace.
 */
export function eventMetadata(actor: string): EventMetadata {
  const context = currentContext();
  const traceparent = activeTraceparent();
  return {
    actor,
    ...(context ? { correlationId: context.correlationId } : {}),
    ...(context?.causationId ? { causationId: context.causationId } : {}),
    ...(traceparent ? { traceparent } : {}),
  };
}
