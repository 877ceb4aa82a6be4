import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DecisionLogged } from '@edict/contracts';
import type { Clock } from '@edict/core';
import { CLOCK } from '@edict/messaging';
import { applyTriggerSettings, defaultTriggerThresholds, SlidingCounts, triggerSettingsFromEnv, type TriggerThresholds } from '@edict/incident-response-domain';
import { EvaluateWindowHandler } from '../handlers/evaluate-window.handler';

type Decision = DecisionLogged['data'];

const wholeNumber = (raw: string | undefined, fallback: number, name: string): number => {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number >= 0, not "${raw}"`);
  return n;
};

/**
 * The fast path (issue 8 §4): canary decisions from edict.decisions.v1, counted per policy and
 * version over a sliding window of EDICT_FAST_TRIGGER_WINDOW_MS (2000) of event time. When the
 * window holds EDICT_FAST_TRIGGER_MIN_SAMPLE_SIZE (50; 0 turns the fast path off) decisions and
 * a rate crosses the environment's threshold, the window is weighed like a closed one (the
 * policy's own thresholds, the decision matrix) and may open the incident and request the
 * rollback at once; a version that already has an incident is left to the regular windows,
 * which stay the source of truth for gates and evidence. At most one evaluation per version per
 * window span. Counts are per instance: with several, each weighs the partitions it consumes.
 * Decisions older than EDICT_FAST_TRIGGER_MAX_LAG_MS (30000) by the clock are skipped: the fast
 * path is about now, and a consumer replaying history (a new group starts at the beginning) must
 * not open incidents about canaries long gone.
 */
@Injectable()
export class FastPathService {
  private readonly log = new Logger('FastPath');
  readonly windowMs = wholeNumber(process.env['EDICT_FAST_TRIGGER_WINDOW_MS'], 2000, 'EDICT_FAST_TRIGGER_WINDOW_MS') || 2000;
  readonly minSampleSize = wholeNumber(process.env['EDICT_FAST_TRIGGER_MIN_SAMPLE_SIZE'], 50, 'EDICT_FAST_TRIGGER_MIN_SAMPLE_SIZE');
  readonly maxLagMs = wholeNumber(process.env['EDICT_FAST_TRIGGER_MAX_LAG_MS'], 30_000, 'EDICT_FAST_TRIGGER_MAX_LAG_MS');
  private readonly env: TriggerThresholds = applyTriggerSettings(defaultTriggerThresholds, triggerSettingsFromEnv(process.env));
  private readonly counts = new Map<string, SlidingCounts>();
  private readonly lastEvaluated = new Map<string, number>();
  private readonly settled = new Set<string>();

  constructor(private readonly evaluate: EvaluateWindowHandler, @Inject(CLOCK) private readonly clock: Clock) {}

  async record(d: Decision): Promise<void> {
    if (this.minSampleSize === 0 || d.version === null || !d.bundles.some((b) => b.canary)) return;
    const at = Date.parse(d.timestamp);
    if (!(at >= this.clock.now().getTime() - this.maxLagMs)) return;
    const key = `${d.policyId}\u0000${d.version}`;
    if (this.settled.has(key)) return;
    const counts = this.counts.get(key) ?? new SlidingCounts(this.windowMs);
    this.counts.set(key, counts);
    counts.add(at, { deny: d.result.effect === 'deny', error: d.result.error !== undefined, noMatch: d.result.noMatch });
    const w = counts.totals();
    if (w.total < this.minSampleSize || !this.suspicious(w)) return;
    if ((this.lastEvaluated.get(key) ?? Number.NEGATIVE_INFINITY) > w.endMs - this.windowMs) return;
    this.lastEvaluated.set(key, w.endMs);
    const incidentId = await this.evaluate.handle({
      policyId: d.policyId, version: d.version, canary: true, windowStart: new Date(w.startMs).toISOString(), windowEnd: new Date(w.endMs).toISOString(),
      total: w.total, errors: w.errors, denies: w.denies, noMatches: w.noMatches, meanEvaluationNs: 0,
    }, { minSampleSize: this.minSampleSize, label: `fast path (${this.windowMs / 1000} s)` });
    // once the version has an incident, the regular windows take over
    if (incidentId) this.settled.add(key);
    this.log.log(`fast path weighed ${d.policyId}@${d.version}: ${w.denies}/${w.total} denied, ${w.errors} errors → ${incidentId ?? 'no incident'}`);
  }

  /** Cheap pre-check against the environment's thresholds (the lowest error band) before the store is read. */
  private suspicious(w: { total: number; denies: number; errors: number; noMatches: number }): boolean {
    const lowestErrorBar = Math.min(...this.env.errorRateBands.map((b) => b.maxErrorRate));
    return w.denies / w.total > this.env.maxDenyRate || w.errors / w.total > lowestErrorBar || w.noMatches / w.total > this.env.maxNoMatchRate;
  }
}
