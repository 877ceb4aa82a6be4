/**
 * Stable field names for structured logs (STYLE.md §13). Dashboards, alerts and log queries
 * depend on them: add fields freely, never rename these.
 *
 * - `service`: the service name, on every line (set by `createLogger`)
 * - `correlationId`, `causationId`: mixed into every line from the current context
 * - `streamId`, `eventId`: the event-store stream and event a line is about
 * - `topic`, `partition`, `offset`: the Kafka message a line is about
 * - `err`: an error (pino serialises message, type and stack)
 * - `context`: the Nest component that wrote the line (Nest's own logs)
 */
export interface LogFields {
  readonly streamId?: string;
  readonly eventId?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly topic?: string;
  readonly partition?: number;
  readonly offset?: string;
  readonly err?: unknown;
  readonly [field: string]: unknown;
}
