import type { Migration } from './migration';

/** Positions saved by relays and consumers (PostgresCheckpointStore). */
export const checkpointsMigration: Migration = {
  version: 5,
  name: 'checkpoints',
  up: ({ checkpoints }) => `
    CREATE TABLE ${checkpoints} (
      name       text        PRIMARY KEY,
      position   bigint      NOT NULL CHECK (position >= 0),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
  `,
};
