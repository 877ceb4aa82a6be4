import { randomBytes } from 'node:crypto';
import { Client, escapeIdentifier } from 'pg';

/** DATABASE_URL, provided by libs/testing's global setup (or by hand); the int tier needs it. */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: the int tests need a PostgreSQL server (see libs/testing)');
  return url;
}

/** A schema name no other test file uses. */
export const randomSchema = (prefix = 'es_test'): string => `${prefix}_${randomBytes(6).toString('hex')}`;

/** Runs SQL on a short-lived connection of its own (not through the store under test). */
export async function withSqlClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops a test schema and everything in it (DROP is not refused by the triggers; see docs). */
export const dropSchema = (schema: string): Promise<unknown> =>
  withSqlClient((client) => client.query(`DROP SCHEMA IF EXISTS ${escapeIdentifier(schema)} CASCADE`));
