import type { Migration } from './migration';

/**
 * Defence in depth for the ordering guarantee: the database itself refuses an insert that would
 * leave a gap in the global log or in a stream, or that does not link to the previous hash. A
 * BEFORE ROW trigger sees the rows inserted earlier by the same statement, so multi-event appends
 * pass. (It cannot recompute the JCS hash; verifyChain does that.)
 */
export const appendGuardMigration: Migration = {
  version: 2,
  name: 'append guard',
  up: ({ events, prefix }) => `
    CREATE FUNCTION ${prefix}events_guard_append() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
      previous text;
    BEGIN
      IF NEW.position = 1 THEN
        previous := repeat('0', 64);
      ELSE
        SELECT e.hash INTO previous FROM ${events} e WHERE e.position = NEW.position - 1;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'edict event store: position % would leave a gap in the global log', NEW.position;
        END IF;
      END IF;
      IF NEW.previous_hash <> previous THEN
        RAISE EXCEPTION 'edict event store: previous_hash at position % does not link to the hash at position %',
          NEW.position, NEW.position - 1;
      END IF;
      IF NEW.revision > 0 AND NOT EXISTS (
        SELECT 1 FROM ${events} e WHERE e.stream_id = NEW.stream_id AND e.revision = NEW.revision - 1
      ) THEN
        RAISE EXCEPTION 'edict event store: revision % of stream % would leave a gap in the stream',
          NEW.revision, NEW.stream_id;
      END IF;
      RETURN NEW;
    END
    $fn$;
    CREATE TRIGGER events_guard_append BEFORE INSERT ON ${events}
      FOR EACH ROW EXECUTE FUNCTION ${prefix}events_guard_append();
  `,
};
