import { currentContext } from '@edict/observability';
import type { EventMetadata } from '@edict/event-store';

/** Metadata for events appended now: the actor and the current correlation and causation ids. */
export function eventMetadata(actor: string): EventMetadata {
  const context = currentContext();
  return {
    actor,
    ...(context ? { correlationId: context.correlationId } : {}),
    ...(context?.causationId ? { causationId: context.causationId } : {}),
  };
}
