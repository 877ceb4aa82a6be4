import type { Migration } from './migration';

/**
 * Hashes are computed by the database, never trusted from the client. The writer sends the
 * canonical JSON (JCS) text of the event's hashed fields in the input-only `canonical` column;
 * the BEFORE INSERT guard checks that text describes exactly the row (jsonb equality with the
 * columns), sets `previous_hash` from the event before it and `hash = sha256(previous_hash ‖
 * canonical)`, then clears `canonical` (a CHECK keeps it NULL in storage). Whatever hash a
 * client puts in the row is overwritten. A canonical text that is not the JCS form still gets
 * hashed as sent, so the offline verifier (which recomputes JCS) finds it: an honest client
 * sends JCS, and the append checks the returned hash against its own.
 */
export const databaseHashMigration: Migration = {
  version: 6,
  name: 'database-computed hashes',
  up: ({ events, prefix }) => `
    ALTER TABLE ${events} ADD COLUMN canonical text;
    ALTER TABLE ${events} ADD CONSTRAINT events_canonical_input_only CHECK (canonical IS NULL);
    COMMENT ON COLUMN ${events}.canonical IS
      'Input only: the JCS text of the hashed fields; the append guard hashes it and stores NULL.';

    CREATE OR REPLACE FUNCTION ${prefix}events_guard_append() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
      previous text;
      described jsonb;
    BEGIN
      IF NEW.position = 1 THEN
        previous := repeat('0', 64);
      ELSE
        SELECT e.hash INTO previous FROM ${events} e WHERE e.position = NEW.position - 1;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'edict event store: position % would leave a gap in the global log', NEW.position;
        END IF;
      END IF;
      IF NEW.previous_hash IS NOT NULL AND NEW.previous_hash <> previous THEN
        RAISE EXCEPTION 'edict event store: previous_hash at position % does not link to the hash at position %',
          NEW.position, NEW.position - 1;
      END IF;
      IF NEW.revision > 0 AND NOT EXISTS (
        SELECT 1 FROM ${events} e WHERE e.stream_id = NEW.stream_id AND e.revision = NEW.revision - 1
      ) THEN
        RAISE EXCEPTION 'edict event store: revision % of stream % would leave a gap in the stream',
          NEW.revision, NEW.stream_id;
      END IF;
      IF NEW.canonical IS NULL THEN
        RAISE EXCEPTION 'edict event store: the event at position % has no canonical text; the database computes every hash', NEW.position
          USING HINT = 'Append through the event store, which sends the JCS text of the event in the canonical column.';
      END IF;
      BEGIN
        described := NEW.canonical::jsonb;
      EXCEPTION WHEN others THEN
        RAISE EXCEPTION 'edict event store: the canonical text at position % is not JSON', NEW.position;
      END;
      IF described IS DISTINCT FROM jsonb_build_object(
           'eventId', NEW.event_id::text, 'streamId', NEW.stream_id, 'revision', NEW.revision,
           'position', NEW.position, 'type', NEW.type, 'data', NEW.data, 'metadata', NEW.metadata,
           'recordedAt', to_char(NEW.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      THEN
        RAISE EXCEPTION 'edict event store: the canonical text at position % does not describe the row', NEW.position;
      END IF;
      NEW.previous_hash := previous;
      NEW.hash := encode(sha256(convert_to(previous || NEW.canonical, 'UTF8')), 'hex');
      NEW.canonical := NULL;
      RETURN NEW;
    END
    $fn$;
  `,
};
