import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, repoRoot, shipBundle, StackClient, startStack, uniqueName, type Stack } from '@edict/testing';
import { OtlpReceiver, type ReceivedSpan } from './otel/otlp-receiver';

/**
 * OpenTelemetry on (OTEL_EXPORTER_OTLP_ENDPOINT at a local OTLP/HTTP JSON receiver): one trace
 * spans authoring's approve request → the relay → signing's consumer → signing's relay →
 * distribution's consumer, which records the release; metrics arrive over OTLP too.
 */
describe('OpenTelemetry across the approve → sign → release path', () => {
  const root = repoRoot();
  const receiver = new OtlpReceiver();
  let stack: Stack;
  let client: StackClient;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
    const endpoint = await receiver.start();
    stack = await startStack({
      kafkaBrokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
      databaseUrl: process.env['DATABASE_URL'] ?? '',
      schema: uniqueName('e2e').replace(/-/g, '_'),
      logDir: mkdtempSync(join(tmpdir(), 'edict-e2e-otel-')),
      env: {
        EDICT_TOPIC_PREFIX: `${uniqueName('e2e')}.`,
        EDICT_GATE_MIN_DECISIONS: '0',
        EDICT_GATE_SOAK_SECONDS: '0',
        EDICT_PDP_NAME: uniqueName('pdp'),
        LOG_LEVEL: 'warn',
        OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '200',
        OTEL_METRIC_EXPORT_INTERVAL: '1000',
      },
    });
    client = new StackClient(stack.env);
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
    await receiver.stop();
  }, 60_000);

  const spansOf = (traceId: string): ReceivedSpan[] => receiver.spans.filter((s) => s.traceId === traceId);
  const pathOf = (span: ReceivedSpan): string => span.attributes['url.path'] ?? span.attributes['http.target'] ?? '';

  it('sees one trace id from authoring approve through signing to distribution recording the release', async () => {
    const { version } = await shipBundle(client, join(root, 'examples/bundles/org/baseline.yaml'));

    const released = await eventually('distribution consuming BundleSigned in a trace that starts at an approve request', () => {
      const candidates = receiver.spans.filter((s) => s.service === 'edict-distribution' && s.name === 'edict.consume BundleSigned');
      return Promise.resolve(candidates.find((c) => spansOf(c.traceId).some((s) => s.service === 'edict-authoring' && pathOf(s).endsWith('/approve'))));
    });
    const trace = spansOf(released.traceId);
    const one = (service: string, name: string): ReceivedSpan => {
      const found = trace.find((s) => s.service === service && s.name === name);
      if (!found) throw new Error(`no ${name} span from ${service} in trace ${released.traceId}: ${trace.map((s) => `${s.service}/${s.name}`).join(', ')}`);
      return found;
    };
    const approve = trace.find((s) => s.service === 'edict-authoring' && pathOf(s).endsWith('/approve')) as ReceivedSpan;
    expect(pathOf(approve)).toBe(`/v1/bundles/org%2Fbaseline/versions/${version}/approve`);

    // every hop, by service: the relays' publish spans are parented by the context stored with the event
    const authoringRelay = one('edict-authoring', 'edict.relay BundleApproved');
    const signed = one('edict-signing', 'edict.consume BundleApproved');
    const signingRelay = one('edict-signing', 'edict.relay BundleSigned');
    expect([...new Set(trace.map((s) => s.service))].sort()).toEqual(expect.arrayContaining(['edict-authoring', 'edict-distribution', 'edict-signing']));
    expect(authoringRelay.parentSpanId).toBe(approve.spanId);
    expect(trace.find((s) => s.spanId === signed.parentSpanId)?.service).toBe('edict-authoring');
    expect(signingRelay.parentSpanId).toBe(signed.spanId);
    expect(trace.find((s) => s.spanId === released.parentSpanId)?.service).toBe('edict-signing');

    // the correlation id Edict already carries is on the request's span and on every hop after it
    const correlationId = approve.attributes['edict.correlation_id'];
    expect(correlationId).toMatch(/.+/);
    for (const span of [authoringRelay, signed, signingRelay, released]) expect(span.attributes['edict.correlation_id']).toBe(correlationId);
    expect(released.attributes['edict.event_type']).toBe('BundleSigned');
  }, 180_000);

  it('exports metrics over OTLP as well', async () => {
    await eventually('metrics from the services', () => Promise.resolve(receiver.metricServices.has('edict-authoring') ? true : undefined));
    expect(receiver.metricServices.has('edict-authoring')).toBe(true);
  }, 60_000);
});
