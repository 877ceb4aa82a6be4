import type { PostgresSchemaNames } from '../postgres-schema';

/** One forward-only schema change; `up` returns SQL for the given schema. Never edit a released one. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (names: PostgresSchemaNames) => string;
}
