import { convertUnpartitionedDdl, copyUnpartitionedDdl, decisionAsJsonDdl, partitionFunctionsDdl } from './decision-partitions.sql';

/**
 * The decision log's read models.
 * - `decisions`: one row per decision, with the columns queries filter on and the whole masked
 *   decision as JSON; partitioned by UTC day of `decided_at` (`decisions_YYYYMMDD`, see
 *   decision-partitions.sql.ts), so retention is a DROP of old days. The key is (id, decided_at):
 *   Postgres requires the partition column in it; a redelivered decision carries the same
 *   timestamp, so it is still stored once. A table from before partitioning is converted once.
 *   The decision is `json` (checked, kept as text), not `jsonb`: nothing queries inside it, and
 *   building jsonb cost Postgres 2–3× the insert time of the json column.
 * - `decision_log_window_counts`: every window's running counts, added to by ingest in the same
 *   transaction that stores the decisions (`count = count + delta`, only for decisions actually
 *   inserted). `revision` 0 while open; the closer sets it to 1 when the watermark passes the
 *   window's end and to n+1 when decisions arrived after it closed (`amended`). `published_revision`
 *   is how far it went out on Kafka (an outbox: the closer publishes what is behind).
 * - `decision_log_partitions`: per partition of the decisions topic, the newest decision
 *   timestamp stored from it (written in the batch's transaction), for the watermark.
 * - `consumer_offsets`: in the windows-only mode (EDICT_DECISION_STORE_RAW=false), the next offset
 *   of every partition whose messages are already counted, written in the batch's transaction with
 *   the window counts: a redelivered message is recognised by its offset and counted once.
 */
export const decisionLogDdl = (schema: string): string => `
  CREATE SCHEMA IF NOT EXISTS "${schema}";
  ${convertUnpartitionedDdl(schema)}
  CREATE TABLE IF NOT EXISTS "${schema}".decisions (
    decision_id   text NOT NULL,
    decided_at    timestamptz NOT NULL,
    policy_id     text NOT NULL,
    version       text,
    subject       text NOT NULL,
    effect        text NOT NULL,
    rule          text,
    no_match      boolean NOT NULL,
    error_code    text,
    canary        boolean NOT NULL,
    evaluation_ns bigint NOT NULL,
    source        text NOT NULL,
    decision      json NOT NULL,
    stored_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (decision_id, decided_at)
  ) PARTITION BY RANGE (decided_at);
  CREATE INDEX IF NOT EXISTS decisions_policy_time ON "${schema}".decisions (policy_id, decided_at DESC);
  CREATE INDEX IF NOT EXISTS decisions_time ON "${schema}".decisions (decided_at);
  ${decisionAsJsonDdl(schema)}
  ${partitionFunctionsDdl(schema)}
  ${copyUnpartitionedDdl(schema)}
  CREATE TABLE IF NOT EXISTS "${schema}".decision_log_window_counts (
    policy_id          text NOT NULL,
    version            text NOT NULL,
    canary             boolean NOT NULL,
    window_start       timestamptz NOT NULL,
    window_end         timestamptz NOT NULL,
    total              bigint NOT NULL,
    errors             bigint NOT NULL,
    denies             bigint NOT NULL,
    no_matches         bigint NOT NULL,
    evaluation_ns_sum  numeric NOT NULL,
    cost_sum           numeric NOT NULL DEFAULT 0,
    late               bigint NOT NULL DEFAULT 0,
    revision           integer NOT NULL DEFAULT 0,
    amended            boolean NOT NULL DEFAULT false,
    published_revision integer NOT NULL DEFAULT 0,
    closed_at          timestamptz,
    published_at       timestamptz,
    PRIMARY KEY (policy_id, version, canary, window_start)
  );
  ALTER TABLE "${schema}".decision_log_window_counts ADD COLUMN IF NOT EXISTS cost_sum numeric NOT NULL DEFAULT 0;
  CREATE INDEX IF NOT EXISTS decision_log_window_counts_open ON "${schema}".decision_log_window_counts (window_end) WHERE revision = 0;
  CREATE INDEX IF NOT EXISTS decision_log_window_counts_amended ON "${schema}".decision_log_window_counts (window_start) WHERE amended;
  CREATE INDEX IF NOT EXISTS decision_log_window_counts_unpublished ON "${schema}".decision_log_window_counts (window_start) WHERE published_revision < revision;
  CREATE INDEX IF NOT EXISTS decision_log_window_counts_policy_time ON "${schema}".decision_log_window_counts (policy_id, window_start DESC);
  CREATE TABLE IF NOT EXISTS "${schema}".decision_log_partitions (
    topic        text NOT NULL,
    partition    integer NOT NULL,
    max_event_at timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, partition)
  );
  CREATE TABLE IF NOT EXISTS "${schema}".consumer_offsets (
    group_id    text NOT NULL,
    topic       text NOT NULL,
    partition   integer NOT NULL,
    next_offset bigint NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, topic, partition)
  );
`;
