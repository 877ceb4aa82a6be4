import { Client } from 'pg';
import { uniqueName } from './unique-name';

/** A database of its own for one test file or test; `drop()` removes it (idempotent). */
export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

async function onServer(baseUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** `baseUrl` with its database (the path) replaced; credentials and query kept. */
export function withDatabase(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Creates a database with a random name on the server of `baseUrl` (e.g. DATABASE_URL) and
 * returns its URL. `drop()` ends leftover connections too (`WITH (FORCE)`, PostgreSQL 13+).
 */
export async function createTestDatabase(baseUrl: string): Promise<TestDatabase> {
  const name = uniqueName('edict_test').replace(/-/g, '_');
  await onServer(baseUrl, `CREATE DATABASE "${name}"`);
  return {
    name,
    url: withDatabase(baseUrl, name),
    drop: () => onServer(baseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
