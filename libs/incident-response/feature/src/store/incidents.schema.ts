/**
 * Incident-response's read models (the streams are the truth; these are for queries): the list
 * of incidents with where their rollback stands, the latest stable-version cost per decision per
 * policy (the cost trigger's baseline), and each window's declared cost (the daily budget).
 */
export const incidentsDdl = (schema: string): string => `
  CREATE SCHEMA IF NOT EXISTS "${schema}";
  CREATE TABLE IF NOT EXISTS "${schema}".incident_list (
    incident_id text PRIMARY KEY,
    policy_id   text NOT NULL,
    version     text NOT NULL,
    severity    text NOT NULL,
    status      text NOT NULL,
    trigger     text NOT NULL,
    rollback_requested boolean NOT NULL,
    updated_at  timestamptz NOT NULL
  );
  ALTER TABLE "${schema}".incident_list ADD COLUMN IF NOT EXISTS opened_at timestamptz;
  ALTER TABLE "${schema}".incident_list ADD COLUMN IF NOT EXISTS rollback_requested_at timestamptz;
  ALTER TABLE "${schema}".incident_list ADD COLUMN IF NOT EXISTS rollback_completed_at timestamptz;
  ALTER TABLE "${schema}".incident_list ADD COLUMN IF NOT EXISTS escalated_at timestamptz;
  CREATE INDEX IF NOT EXISTS incident_list_version ON "${schema}".incident_list (policy_id, version);
  CREATE TABLE IF NOT EXISTS "${schema}".incident_cost_baselines (
    policy_id text PRIMARY KEY,
    version   text NOT NULL,
    cost_per_decision double precision NOT NULL,
    window_end timestamptz NOT NULL
  );
  CREATE TABLE IF NOT EXISTS "${schema}".incident_window_costs (
    policy_id    text NOT NULL,
    version      text NOT NULL,
    canary       boolean NOT NULL,
    window_start timestamptz NOT NULL,
    revision     integer NOT NULL,
    cost_sum     double precision NOT NULL,
    PRIMARY KEY (policy_id, version, canary, window_start)
  );
`;
