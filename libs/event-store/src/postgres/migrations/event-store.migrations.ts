import { eventsMigration } from './001-events.migration';
import { appendGuardMigration } from './002-append-guard.migration';
import { immutabilityMigration } from './003-immutability.migration';
import { notifyMigration } from './004-notify.migration';
import { checkpointsMigration } from './005-checkpoints.migration';
import { databaseHashMigration } from './006-database-hash.migration';
import { writerRoleMigration } from './007-writer-role.migration';
import type { Migration } from './migration';

/** Every migration, in version order. Append new ones; never edit or reorder applied ones. */
export const eventStoreMigrations: readonly Migration[] = [
  eventsMigration,
  appendGuardMigration,
  immutabilityMigration,
  notifyMigration,
  checkpointsMigration,
  databaseHashMigration,
  writerRoleMigration,
];
