import type { Migration } from './migration';

/**
 * Wakes subscribers: one NOTIFY per inserting statement, delivered by Postgres only at commit
 * (and not at all on rollback). The payload is empty on purpose: subscribers re-read the log
 * from their checkpoint, so a notification is a hint, never data.
 */
export const notifyMigration: Migration = {
  version: 4,
  name: 'notify on append',
  up: ({ events, prefix, channel }) => `
    CREATE FUNCTION ${prefix}events_notify() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM pg_notify('${channel}', '');
      RETURN NULL;
    END
    $fn$;
    CREATE TRIGGER events_notify AFTER INSERT ON ${events}
      FOR EACH STATEMENT EXECUTE FUNCTION ${prefix}events_notify();
  `,
};
