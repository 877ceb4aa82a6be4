import type { Migration } from './migration';

/** The NOLOGIN role that holds what a service needs in an event store schema (docs/event-store.md "Grants"). */
export const WRITER_ROLE = 'edict_writer';

/**
 * Least privilege for the services' database role: read everything, append (INSERT of the
 * columns an append writes; the database computes the hashes), move the log head and the
 * checkpoints. No UPDATE, DELETE or TRUNCATE of events, no ownership (so no trigger control, no
 * DDL). Roles are cluster-wide: the role is created once, and each schema grants to it. Give a
 * service's login role membership (`GRANT edict_writer TO <login>`); never let it own the schema.
 */
export const writerRoleMigration: Migration = {
  version: 7,
  name: 'writer role grants',
  up: ({ quotedSchema, events, head, checkpoints, migrations }) => `
    DO $do$
    BEGIN
      CREATE ROLE ${WRITER_ROLE} NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END
    $do$;
    REVOKE ALL ON ${events}, ${head}, ${checkpoints}, ${migrations} FROM PUBLIC;
    GRANT USAGE ON SCHEMA ${quotedSchema} TO ${WRITER_ROLE};
    GRANT SELECT ON ${events}, ${migrations} TO ${WRITER_ROLE};
    GRANT INSERT (position, stream_id, revision, event_id, type, data, metadata, recorded_at, previous_hash, hash, canonical)
      ON ${events} TO ${WRITER_ROLE};
    GRANT SELECT, UPDATE ON ${head} TO ${WRITER_ROLE};
    GRANT SELECT, INSERT, UPDATE ON ${checkpoints} TO ${WRITER_ROLE};
  `,
};
