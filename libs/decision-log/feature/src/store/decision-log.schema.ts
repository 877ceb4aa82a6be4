/** The row of `decision_log_checkpoints` the window closer keeps its position in. */
export const WINDOWS_CHECKPOINT = 'decision-windows';

/**
 * The decision log's read models.
 * - `decisions`: one row per decision (the id is the primary key, so a redelivered decision is
 *   stored once), with the columns queries filter on and the whole masked decision as JSON.
 * - `decision_log_windows`: every closed window, with when it was published (null: not yet;
 *   the closer publishes those first, so a crash between closing and publishing loses nothing).
 * - `decision_log_checkpoints`: how far windows are closed. Its row is created here, so that
 *   ingest can always lock it (see DecisionLogRepository.store) and learn whether it is late.
 */
export const decisionLogDdl = (schema: string): string => `
  CREATE SCHEMA IF NOT EXISTS "${schema}";
  CREATE TABLE IF NOT EXISTS "${schema}".decisions (
    decision_id   text PRIMARY KEY,
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
    decision      jsonb NOT NULL,
    stored_at     timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX IF NOT EXISTS decisions_policy_time ON "${schema}".decisions (policy_id, decided_at DESC);
  CREATE INDEX IF NOT EXISTS decisions_time ON "${schema}".decisions (decided_at);
  CREATE TABLE IF NOT EXISTS "${schema}".decision_log_windows (
    policy_id          text NOT NULL,
    version            text NOT NULL,
    canary             boolean NOT NULL,
    window_start       timestamptz NOT NULL,
    window_end         timestamptz NOT NULL,
    total              integer NOT NULL,
    errors             integer NOT NULL,
    denies             integer NOT NULL,
    no_matches         integer NOT NULL,
    mean_evaluation_ns bigint NOT NULL,
    closed_at          timestamptz NOT NULL DEFAULT now(),
    published_at       timestamptz,
    PRIMARY KEY (policy_id, version, canary, window_start)
  );
  CREATE INDEX IF NOT EXISTS decision_log_windows_policy_time ON "${schema}".decision_log_windows (policy_id, window_start DESC);
  CREATE INDEX IF NOT EXISTS decision_log_windows_unpublished ON "${schema}".decision_log_windows (window_start) WHERE published_at IS NULL;
  CREATE TABLE IF NOT EXISTS "${schema}".decision_log_checkpoints (
    name           text PRIMARY KEY,
    closed_through timestamptz,
    updated_at     timestamptz NOT NULL DEFAULT now()
  );
  INSERT INTO "${schema}".decision_log_checkpoints (name) VALUES ('${WINDOWS_CHECKPOINT}') ON CONFLICT (name) DO NOTHING;
`;
