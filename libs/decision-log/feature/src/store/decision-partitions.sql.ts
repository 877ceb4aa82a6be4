/**
 * Day partitions of `decisions`: `decisions_YYYYMMDD` holds [that UTC day, the next). Two
 * functions in the schema, both serialised by one advisory lock so replicas never race on the
 * catalog: `decision_log_ensure_days(date[])` creates the missing days (returns how many), and
 * `decision_log_drop_days_before(date)` DROPs every day partition before that day (returns
 * their names). Retention is a DROP, never a DELETE: no dead rows, no vacuum, instant.
 */
export const partitionFunctionsDdl = (schema: string): string => `
  CREATE OR REPLACE FUNCTION "${schema}".decision_log_ensure_days(days date[]) RETURNS integer LANGUAGE plpgsql AS $fn$
  DECLARE d date; created integer := 0;
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('edict-decision-partitions:${schema}'));
    FOREACH d IN ARRAY days LOOP
      IF to_regclass(format('%I.%I', '${schema}', 'decisions_' || to_char(d, 'YYYYMMDD'))) IS NULL THEN
        EXECUTE format('CREATE TABLE %I.%I PARTITION OF %I.decisions FOR VALUES FROM (%L) TO (%L)', '${schema}',
          'decisions_' || to_char(d, 'YYYYMMDD'), '${schema}', to_char(d, 'YYYY-MM-DD') || ' 00:00:00+00', to_char(d + 1, 'YYYY-MM-DD') || ' 00:00:00+00');
        created := created + 1;
      END IF;
    END LOOP;
    RETURN created;
  END $fn$;
  CREATE OR REPLACE FUNCTION "${schema}".decision_log_drop_days_before(cutoff date) RETURNS SETOF text LANGUAGE plpgsql AS $fn$
  DECLARE r record;
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('edict-decision-partitions:${schema}'));
    FOR r IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
              WHERE i.inhparent = '"${schema}".decisions'::regclass AND c.relname ~ '^decisions_[0-9]{8}$'
                AND to_date(substr(c.relname, 11), 'YYYYMMDD') < cutoff ORDER BY c.relname LOOP
      EXECUTE format('DROP TABLE %I.%I', '${schema}', r.relname);
      RETURN NEXT r.relname;
    END LOOP;
  END $fn$;`;

/**
 * Before partitioning, `decisions` was a plain table keyed by id: it is renamed out of the way
 * (with its indexes, whose names the partitioned table reuses) so the partitioned one can be created.
 */
export const convertUnpartitionedDdl = (schema: string): string => `
  DO $conv$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = '${schema}' AND c.relname = 'decisions' AND c.relkind = 'r') THEN
      ALTER TABLE "${schema}".decisions RENAME TO decisions_unpartitioned;
      ALTER TABLE "${schema}".decisions_unpartitioned RENAME CONSTRAINT decisions_pkey TO decisions_unpartitioned_pkey;
      DROP INDEX IF EXISTS "${schema}".decisions_policy_time;
      DROP INDEX IF EXISTS "${schema}".decisions_time;
    END IF;
  END $conv$;`;

const COLUMNS = 'decision_id, decided_at, policy_id, version, subject, effect, rule, no_match, error_code, canary, evaluation_ns, source, decision, stored_at';

/** …and its rows copied into day partitions, once, in the migration's transaction; then it is dropped. */
export const copyUnpartitionedDdl = (schema: string): string => `
  DO $copy$ BEGIN
    IF to_regclass('"${schema}".decisions_unpartitioned') IS NOT NULL THEN
      PERFORM "${schema}".decision_log_ensure_days(ARRAY(SELECT DISTINCT (decided_at AT TIME ZONE 'UTC')::date FROM "${schema}".decisions_unpartitioned));
      INSERT INTO "${schema}".decisions (${COLUMNS}) SELECT ${COLUMNS} FROM "${schema}".decisions_unpartitioned ON CONFLICT DO NOTHING;
      DROP TABLE "${schema}".decisions_unpartitioned;
    END IF;
  END $copy$;`;

/** A partitioned table made while the decision column was `jsonb` takes `json` (one rewrite, once). */
export const decisionAsJsonDdl = (schema: string): string => `
  DO $json$ BEGIN
    IF (SELECT atttypid FROM pg_attribute WHERE attrelid = '"${schema}".decisions'::regclass AND attname = 'decision') = 'jsonb'::regtype THEN
      ALTER TABLE "${schema}".decisions ALTER COLUMN decision TYPE json;
    END IF;
  END $json$;`;
