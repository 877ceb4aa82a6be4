/**
 * The statements of a stored batch. One parameter per column, so a batch of any size is one
 * round trip and the parameter count stays fixed: the short columns as arrays (unnest), the
 * decisions themselves as ONE JSON array text zipped with them by position (ROWS FROM). A
 * `jsonb[]` parameter would have node-postgres escape every decision into an array literal,
 * which measured at ~10,000 decisions/s of one core, more than everything else in ingest. `json`, not
 * `jsonb`: Postgres only checks it, and unpacking and storing it costs a third to a half of jsonb's.
 */

const insertDecisions = (schema: string): string => `
  INSERT INTO "${schema}".decisions (decision_id, decided_at, policy_id, version, subject, effect, rule, no_match, error_code, canary, evaluation_ns, source, decision)
  SELECT * FROM ROWS FROM (unnest($1::text[]), unnest($2::timestamptz[]), unnest($3::text[]), unnest($4::text[]), unnest($5::text[]),
                           unnest($6::text[]), unnest($7::text[]), unnest($8::boolean[]), unnest($9::text[]), unnest($10::boolean[]),
                           unnest($11::bigint[]), unnest($12::text[]), json_array_elements($13::json))`;

/** Inserts the decisions not stored yet; returns the ids of those that were new. */
export const insertDecisionsSql = (schema: string): string => `${insertDecisions(schema)}
  ON CONFLICT DO NOTHING
  RETURNING decision_id`;

/**
 * Inserts decisions none of which is stored yet, and fails (unique violation, 23505) if one is:
 * the common case, a fifth cheaper for Postgres than ON CONFLICT's speculative insertion and
 * RETURNING (measured: ~19 against ~24 µs of backend CPU per decision). A batch it refuses is
 * stored again with insertDecisionsSql.
 */
export const insertNewDecisionsSql = (schema: string): string => insertDecisions(schema);

/**
 * Adds the new decisions' counts to their windows (created open when first seen). A window the
 * closer already closed (revision > 0) is marked amended and its late count grows: the closer
 * re-publishes it with the next revision. Returns the rows that were already closed.
 */
export const addWindowCountsSql = (schema: string): string => `
  INSERT INTO "${schema}".decision_log_window_counts AS w
    (policy_id, version, canary, window_start, window_end, total, errors, denies, no_matches, evaluation_ns_sum, cost_sum)
  SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[], $4::timestamptz[], $5::timestamptz[], $6::bigint[], $7::bigint[],
                       $8::bigint[], $9::bigint[], $10::numeric[], $11::numeric[])
  ON CONFLICT (policy_id, version, canary, window_start) DO UPDATE SET
    total = w.total + excluded.total, errors = w.errors + excluded.errors, denies = w.denies + excluded.denies,
    no_matches = w.no_matches + excluded.no_matches, evaluation_ns_sum = w.evaluation_ns_sum + excluded.evaluation_ns_sum,
    cost_sum = w.cost_sum + excluded.cost_sum,
    late = w.late + CASE WHEN w.revision > 0 THEN excluded.total ELSE 0 END,
    amended = w.amended OR w.revision > 0
  RETURNING policy_id, version, canary, window_start, revision > 0 AS closed`;

/** Moves a partition's position to the newest decision timestamp stored from it (never backwards). */
export const advancePartitionSql = (schema: string): string => `
  INSERT INTO "${schema}".decision_log_partitions AS p (topic, partition, max_event_at) VALUES ($1, $2, $3)
  ON CONFLICT (topic, partition) DO UPDATE SET max_event_at = greatest(p.max_event_at, excluded.max_event_at), updated_at = now()`;
