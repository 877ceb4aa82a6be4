// @edict/event-store: the event store port, its PostgreSQL (default) and EventStoreDB adapters,
// the hash chain, and the contract suite (Postgres passes it; the EventStoreDB adapter has never
// run it against a server). See docs/event-store.md.
export * from './port/event-store.port';
export * from './port/checkpoint-store.port';
export * from './port/leader-lock.port';

export * from './errors/event-store-error-codes';
export * from './errors/event-store.errors';
export * from './errors/wrong-expected-revision.error';

export * from './chain/hash-chain';
export * from './chain/chain-events';
export * from './chain/chain-verification';
export * from './chain/chain-verifier';
export * from './chain/verify-chain';

export * from './audit/audit-break';
export * from './audit/audit-checkpoint';
export * from './audit/audit-verifier';
export * from './audit/trusted-keys';
export * from './audit/verify-audit-export';
export * from './audit/classify-chain-break';
export * from './audit/audit-export-filter';
export * from './audit/read-audit-export';
export * from './audit/read-audit-export-text';
export * from './audit/export-line-source';
export * from './audit/ndjson-line-batches';
export { WRITER_ROLE } from './postgres/migrations/007-writer-role.migration';

export { streamCategoryOf, categoryMatcher } from './category/stream-category';
export { checkExpectedRevision } from './revision/expected-revision';
export { assertJsonValue } from './validation/json-value.validator';
export type { PendingEvent } from './validation/pending-event';

export * from './postgres/postgres-event-store.options';
export * from './postgres/postgres-event-store';
export * from './postgres/create-postgres-event-store';
export * from './postgres/postgres-checkpoint-store';
export * from './postgres/postgres-leader-lock';
export type { PostgresLeaderLease } from './postgres/postgres-leader-lease';
export { schemaNames, DEFAULT_SCHEMA, type PostgresSchemaNames } from './postgres/postgres-schema';
export { migrateEventStore } from './postgres/postgres-migrator';
export { eventStoreMigrations } from './postgres/migrations/event-store.migrations';
export type { Migration } from './postgres/migrations/migration';

export * from './eventstoredb/eventstoredb-event-store.options';
export * from './eventstoredb/eventstoredb-event-store';
export * from './eventstoredb/create-eventstoredb-event-store';
export * from './selection/event-store-selection';
export * from './selection/create-selected-event-store';

// Test support: the contract suite adapters run from their *.int.spec.ts (calls jest globals
// only when invoked).
export { describeEventStoreContract, type ContractStore, type EventStoreFactory } from './contract/event-store.contract';
