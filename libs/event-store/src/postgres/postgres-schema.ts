import { escapeIdentifier } from 'pg';
import { sha256Hex } from '@edict/core';
import { invalidEventStoreInput } from '../errors/event-store.errors';

/** The schema the store uses unless told otherwise. */
export const DEFAULT_SCHEMA = 'edict';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Quoted, schema-qualified names of everything the store creates, and its NOTIFY channel. */
export interface PostgresSchemaNames {
  readonly schema: string;
  readonly quotedSchema: string;
  readonly events: string;
  readonly head: string;
  readonly checkpoints: string;
  readonly migrations: string;
  /** qualified name prefix for functions: `"schema".` */
  readonly prefix: string;
  /** LISTEN/NOTIFY channel, shorter than 64 bytes whatever the schema name */
  readonly channel: string;
}

/**
 * Names for a schema. The name is checked (lower-case identifier) as well as quoted: it is
 * configuration, and a schema per test must not be able to inject SQL.
 */
export function schemaNames(schema: string = DEFAULT_SCHEMA): PostgresSchemaNames {
  if (!SCHEMA_NAME.test(schema)) {
    throw invalidEventStoreInput('schema must be a lower-case SQL identifier of at most 63 characters', { schema });
  }
  const q = escapeIdentifier(schema);
  return {
    schema,
    quotedSchema: q,
    events: `${q}.events`,
    head: `${q}.log_head`,
    checkpoints: `${q}.checkpoints`,
    migrations: `${q}.event_store_migrations`,
    prefix: `${q}.`,
    channel: `edict_events_${sha256Hex(schema).slice(0, 16)}`,
  };
}

/** Advisory-lock keys are 64-bit; derive them in SQL with hashtextextended(text, 0). */
export const lockKeyText = (purpose: 'migrate' | 'leader', schema: string, name = ''): string =>
  `edict.event-store.${purpose}:${schema}:${name}`;
