/**
 * Incident-response's read models: a list of incidents (the streams are the truth; this is
 * for queries) and the latest stable-version window per policy, the cost baseline of triggers.
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
  CREATE TABLE IF NOT EXISTS "${schema}".incident_baselines (
    policy_id text PRIMARY KEY,
    version   text NOT NULL,
    mean_evaluation_ns double precision NOT NULL,
    window_end timestamptz NOT NULL
  );
`;
