/**
 * Distribution's read models: the signed versions it may roll out (fed by BundleSigned, each
 * signature verified against the keyring first) and the decision windows its gates sum up
 * (fed by DecisionWindowClosed). Both keyed so that redelivery is a no-op.
 */
export const distributionDdl = (schema: string): string => `
  CREATE SCHEMA IF NOT EXISTS "${schema}";
  CREATE TABLE IF NOT EXISTS "${schema}".distribution_releases (
    policy_id   text NOT NULL,
    version     text NOT NULL,
    digest      text NOT NULL,
    kid         text NOT NULL,
    signature   text NOT NULL,
    verified_at timestamptz NOT NULL,
    PRIMARY KEY (policy_id, version)
  );
  CREATE TABLE IF NOT EXISTS "${schema}".distribution_decision_windows (
    policy_id     text NOT NULL,
    version       text NOT NULL,
    canary        boolean NOT NULL,
    window_start  timestamptz NOT NULL,
    window_end    timestamptz NOT NULL,
    total         integer NOT NULL,
    errors        integer NOT NULL,
    denies        integer NOT NULL,
    no_matches    integer NOT NULL,
    mean_evaluation_ns double precision NOT NULL,
    PRIMARY KEY (policy_id, version, canary, window_start)
  );
  ALTER TABLE "${schema}".distribution_decision_windows ADD COLUMN IF NOT EXISTS revision integer NOT NULL DEFAULT 1;
  ALTER TABLE "${schema}".distribution_decision_windows ADD COLUMN IF NOT EXISTS cost_sum double precision;
`;
