/**
 * Edict PDPs in the fleet view: each PDP's latest report (PdpFleetReport), replaced whole by the
 * next. A read model of reports like opa_fleet_agents, not events.
 */
export const pdpFleetDdl = (schema: string): string => `
  CREATE SCHEMA IF NOT EXISTS "${schema}";
  CREATE TABLE IF NOT EXISTS "${schema}".pdp_fleet_agents (
    agent_id     text PRIMARY KEY,
    labels       jsonb NOT NULL DEFAULT '{}'::jsonb,
    policies     jsonb NOT NULL DEFAULT '[]'::jsonb,
    last_seen_at timestamptz NOT NULL
  );
`;
