import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/**
 * In a real node process from the build (not jest's module registry): with OTEL off, loading the
 * observability lib and calling startTelemetry leaves no OpenTelemetry SDK, exporter or
 * instrumentation module in require.cache. (@opentelemetry/api itself is loaded by prom-client,
 * which reads it for exemplars whenever it is installed; it is the no-op API, not a pipeline.)
 */
describe('startTelemetry in a node process', () => {
  const root = resolve(__dirname, '../../../..');
  const script = [
    `const { startTelemetry } = require(${JSON.stringify(join(root, 'dist/libs/observability/src/index.js'))});`,
    `const started = startTelemetry('probe');`,
    `const loaded = Object.keys(require.cache).filter((p) => p.includes('/@opentelemetry/') && !p.includes('/@opentelemetry/api/')).length;`,
    `process.stdout.write(JSON.stringify({ started, loaded }));`,
    `process.exit(0);`,
  ].join('\n');
  const probe = (env: Record<string, string>): { started: boolean; loaded: number } => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('OTEL_') && !name.endsWith('OTEL_ENABLE')));
    return JSON.parse(execFileSync(process.execPath, ['-e', script], { env: { ...clean, ...env }, encoding: 'utf8' })) as { started: boolean; loaded: number };
  };

  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
  }, 60_000);

  it('off by default: nothing of OpenTelemetry is loaded', () => {
    expect(probe({})).toEqual({ started: false, loaded: 0 });
    expect(probe({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' })).toEqual({ started: false, loaded: 0 });
  });

  it('on with OTEL_EXPORTER_OTLP_ENDPOINT: the SDK is loaded and started', () => {
    const on = probe({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9', OTEL_METRICS_EXPORTER: 'none' });
    expect(on.started).toBe(true);
    expect(on.loaded).toBeGreaterThan(0);
  });
});
