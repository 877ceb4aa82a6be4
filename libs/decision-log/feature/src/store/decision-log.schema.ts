/**
 * The decision log's read model: one row per decision (the id is the primary key, so a
 * redelivered decision is stored once), with the columns queries filter on and the whole
 * (masked) decision as JSON for export.
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
`;
