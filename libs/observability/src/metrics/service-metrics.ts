import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { metricName } from './metric-name';

/** What a metric is, in `edict_<service>_<what>_<unit>` terms. */
export interface MetricSpec<L extends string> {
  readonly what: string;
  readonly unit: string;
  readonly help: string;
  readonly labelNames?: readonly L[];
}

export interface HistogramSpec<L extends string> extends MetricSpec<L> {
  /** default: prom-client's (5 ms … 10 s), which suits request latencies */
  readonly buckets?: readonly number[];
}

/** How often Node's event-loop delay is sampled for `nodejs_eventloop_lag_*` (prom-client's default is 10 ms). */
export const EVENT_LOOP_SAMPLE_MS = 200;

/**
 * The PDP sidecar's sampling: once a second. It runs in every pod and should cost nothing idle;
 * at 200 ms the sampler alone woke it 50 times in 10 s (~3 ms of CPU). A stall of a second or
 * more is still seen by the next sample; shorter ones are seen in proportion to their length.
 */
export const PDP_EVENT_LOOP_SAMPLE_MS = 1000;

/** The event-loop sampling interval of `service`. */
export const eventLoopSampleMs = (service: string): number => (service === 'pdp' ? PDP_EVENT_LOOP_SAMPLE_MS : EVENT_LOOP_SAMPLE_MS);

/**
 * The metrics of one service: its own prom-client `Registry` (with Node's default metrics) and
 * helpers that name metrics by convention. Creating the same metric twice returns the existing
 * one, so modules and tests that build twice in one process do not clash.
 */
export class ServiceMetrics {
  readonly registry = new Registry();

  constructor(readonly service: string) {
    // prom-client samples the event-loop delay every 10 ms by default: 100 wake-ups a second of an
    // otherwise idle process (an idle PDP's CPU). 200 ms is still finer than any scrape; the PDP 1 s.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: eventLoopSampleMs(service) });
  }

  counter<L extends string = string>(spec: MetricSpec<L>): Counter<L> {
    const name = metricName(this.service, spec.what, spec.unit);
    const existing = this.registry.getSingleMetric(name);
    if (existing instanceof Counter) return existing;
    return new Counter<L>({ name, help: spec.help, labelNames: spec.labelNames ?? [], registers: [this.registry] });
  }

  gauge<L extends string = string>(spec: MetricSpec<L>): Gauge<L> {
    const name = metricName(this.service, spec.what, spec.unit);
    const existing = this.registry.getSingleMetric(name);
    if (existing instanceof Gauge) return existing;
    return new Gauge<L>({ name, help: spec.help, labelNames: spec.labelNames ?? [], registers: [this.registry] });
  }

  histogram<L extends string = string>(spec: HistogramSpec<L>): Histogram<L> {
    const name = metricName(this.service, spec.what, spec.unit);
    const existing = this.registry.getSingleMetric(name);
    if (existing instanceof Histogram) return existing;
    const buckets = spec.buckets ? [...spec.buckets] : undefined;
    return new Histogram<L>({ name, help: spec.help, labelNames: spec.labelNames ?? [], registers: [this.registry], ...(buckets ? { buckets } : {}) });
  }

  /** The text exposition format, for `GET /metrics`. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

const perService = new Map<string, ServiceMetrics>();

/** The process-wide `ServiceMetrics` of a service (one registry per process and service). */
export function metricsFor(service: string): ServiceMetrics {
  let metrics = perService.get(service);
  if (!metrics) {
    metrics = new ServiceMetrics(service);
    perService.set(service, metrics);
  }
  return metrics;
}
