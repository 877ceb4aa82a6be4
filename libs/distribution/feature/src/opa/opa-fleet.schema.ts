/**
 * The OPA fleet read model: the latest status report of each agent (keyed by agent id, replaced
 * whole by each report) and, per agent and policy, the revision distribution last answered it.
 * Not events: an agent's latest report is all the fleet view needs, and agents resend on change.
 */
export const opaFleetDdl = (schema: string): string => `
  CREATE SCHEMA IF NOT EXISTS "${schema}";
  CREATE TABLE IF NOT EXISTS "${schema}".opa_fleet_agents (
    agent_id       text PRIMARY KEY,
    labels         jsonb NOT NULL DEFAULT '{}'::jsonb,
    bundles        jsonb NOT NULL DEFAULT '{}'::jsonb,
    plugins        jsonb NOT NULL DEFAULT '{}'::jsonb,
    last_status_at timestamptz,
    last_seen_at   timestamptz NOT NULL
  );
  CREATE TABLE IF NOT EXISTS "${schema}".opa_fleet_served (
    agent_id  text NOT NULL,
    policy_id text NOT NULL,
    revision  text NOT NULL,
    served_at timestamptz NOT NULL,
    PRIMARY KEY (agent_id, policy_id)
  );
`;
