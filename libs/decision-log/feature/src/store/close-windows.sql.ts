/**
 * Aggregates the stored decisions with `$1 <= decided_at < $2` into closed windows of `$3` ms
 * and inserts them into `decision_log_windows`, unpublished. The SQL twin of the domain's
 * window aggregator (libs/decision-log/domain, windows/): its int spec checks they agree.
 * - A decision counts once for each policy in its `bundles` (the first entry per policy, with
 *   its own canary flag), plus the asked policy as not canary when it is not listed: the
 *   asked policy is appended last, so DISTINCT ON keeps a listed entry first.
 * - Decisions with no active version (`version IS NULL`) count nowhere.
 * - errors: result.error present; denies: effect deny and no error; noMatches: result.noMatch.
 * - Windows are epoch-aligned; one that began before `$1` (the window length changed) starts at `$1`.
 */
export const closeWindowsSql = (schema: string): string => `
  INSERT INTO "${schema}".decision_log_windows
    (policy_id, version, canary, window_start, window_end, total, errors, denies, no_matches, mean_evaluation_ns)
  SELECT policy_id, version, canary,
         greatest(timestamptz 'epoch' + (bucket * $3::bigint) * interval '1 millisecond', $1::timestamptz),
         timestamptz 'epoch' + ((bucket + 1) * $3::bigint) * interval '1 millisecond',
         count(*),
         count(*) FILTER (WHERE error_code IS NOT NULL),
         count(*) FILTER (WHERE effect = 'deny' AND error_code IS NULL),
         count(*) FILTER (WHERE no_match),
         round(avg(evaluation_ns))
    FROM (
      SELECT DISTINCT ON (d.decision_id, r.policy_id)
             r.policy_id, r.version, r.canary, d.effect, d.no_match, d.error_code, d.evaluation_ns,
             floor(extract(epoch FROM d.decided_at) * 1000 / $3::bigint)::bigint AS bucket
        FROM "${schema}".decisions d
        CROSS JOIN LATERAL (
          SELECT b.ref->>'policyId' AS policy_id, b.ref->>'version' AS version, (b.ref->>'canary')::boolean AS canary, b.n AS ord
            FROM jsonb_array_elements(d.decision->'bundles') WITH ORDINALITY AS b(ref, n)
          UNION ALL
          SELECT d.policy_id, d.version, false, 9223372036854775807
        ) r
       WHERE d.decided_at >= $1::timestamptz AND d.decided_at < $2::timestamptz AND d.version IS NOT NULL
       ORDER BY d.decision_id, r.policy_id, r.ord
    ) counted
   GROUP BY policy_id, version, canary, bucket
  ON CONFLICT (policy_id, version, canary, window_start) DO NOTHING`;
