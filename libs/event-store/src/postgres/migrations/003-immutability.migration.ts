import type { Migration } from './migration';

/**
 * The database itself refuses to change or remove events (ARCHITECTURE.md "Event sourcing"):
 * row-level triggers for UPDATE and DELETE, a statement-level one for TRUNCATE (which fires no
 * row triggers). Owners can still drop the triggers or the table: production roles must not own
 * the schema, and the hash chain exposes whatever gets past this.
 */
export const immutabilityMigration: Migration = {
  version: 3,
  name: 'immutable events',
  up: ({ events, prefix }) => `
    CREATE FUNCTION ${prefix}events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      RAISE EXCEPTION 'edict event store: events are immutable; % on %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
        USING HINT = 'The event log is append-only: append an event that corrects or compensates instead.';
    END
    $fn$;
    CREATE TRIGGER events_refuse_update_delete BEFORE UPDATE OR DELETE ON ${events}
      FOR EACH ROW EXECUTE FUNCTION ${prefix}events_refuse_change();
    CREATE TRIGGER events_refuse_truncate BEFORE TRUNCATE ON ${events}
      FOR EACH STATEMENT EXECUTE FUNCTION ${prefix}events_refuse_change();
  `,
};
