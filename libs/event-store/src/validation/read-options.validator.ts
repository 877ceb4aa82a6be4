import { invalidEventStoreInput } from '../errors/event-store.errors';

const isCount = (n: unknown, min: number): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= min;

/** `after` is a position (0 = from the start); `limit`, when given, at least 1. */
export function assertReadAllOptions(options: { after: unknown; limit?: unknown; categories?: unknown }): void {
  if (!isCount(options.after, 0)) throw invalidEventStoreInput('after must be an integer >= 0', { after: options.after });
  if (options.limit !== undefined && !isCount(options.limit, 1)) {
    throw invalidEventStoreInput('limit must be an integer >= 1', { limit: options.limit });
  }
  assertCategories(options.categories);
}

/** A categories filter is absent or a non-empty list of non-empty strings ([] would be ambiguous). */
export function assertCategories(categories: unknown): void {
  if (categories === undefined) return;
  const ok =
    Array.isArray(categories) && categories.length > 0 &&
    categories.every((c) => typeof c === 'string' && c.length > 0);
  if (!ok) throw invalidEventStoreInput('categories must be a non-empty list of non-empty strings', { categories });
}

export function assertFromRevision(fromRevision: unknown): void {
  if (fromRevision !== undefined && !isCount(fromRevision, 0)) {
    throw invalidEventStoreInput('fromRevision must be an integer >= 0', { fromRevision });
  }
}
