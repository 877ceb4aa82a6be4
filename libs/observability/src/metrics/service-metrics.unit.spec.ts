import { metricName } from './metric-name';
import { EVENT_LOOP_SAMPLE_MS, PDP_EVENT_LOOP_SAMPLE_MS, ServiceMetrics, eventLoopSampleMs, metricsFor } from './service-metrics';

describe('metricName', () => {
  it('builds edict_<service>_<what>_<unit>, snake-casing the parts', () => {
    expect(metricName('decision-log', 'decisions ingested', 'total')).toBe('edict_decision_log_decisions_ingested_total');
    expect(metricName('pdp', 'evaluation_duration', 'seconds')).toBe('edict_pdp_evaluation_duration_seconds');
  });

  it('refuses names Prometheus would refuse', () => {
    expect(() => metricName('', '', '')).toThrow();
  });
});

describe('ServiceMetrics', () => {
  it('samples the event loop every 200 ms, the idle PDP sidecar every second', async () => {
    expect([eventLoopSampleMs('signing'), eventLoopSampleMs('pdp')]).toEqual([EVENT_LOOP_SAMPLE_MS, PDP_EVENT_LOOP_SAMPLE_MS]);
    expect(PDP_EVENT_LOOP_SAMPLE_MS).toBe(1000);
    expect((await new ServiceMetrics('pdp-sample-spec').exposition()).body).toContain('nodejs_eventloop_lag_p99_seconds');
  });

  it('has its own registry with default metrics, and reuses a metric created twice', async () => {
    const metrics = new ServiceMetrics('signing');
    const first = metrics.counter({ what: 'signatures', unit: 'total', help: 'Signatures made', labelNames: ['kid'] });
    const again = metrics.counter({ what: 'signatures', unit: 'total', help: 'Signatures made', labelNames: ['kid'] });
    expect(again).toBe(first);
    first.inc({ kid: 'k1' });
    metrics.histogram({ what: 'sign_duration', unit: 'seconds', help: 'Time to sign', buckets: [0.1, 1] }).observe(0.2);
    metrics.gauge({ what: 'keys', unit: 'count', help: 'Active keys' }).set(2);
    const { contentType, body } = await metrics.exposition();
    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toContain('edict_signing_signatures_total{kid="k1"} 1');
    expect(body).toContain('edict_signing_sign_duration_seconds_bucket{le="1"} 1');
    expect(body).toContain('edict_signing_keys_count 2');
    expect(body).toContain('process_cpu_seconds_total');
  });

  it('is one per service and process', () => {
    expect(metricsFor('validation')).toBe(metricsFor('validation'));
    expect(metricsFor('validation')).not.toBe(metricsFor('authoring'));
  });
});
