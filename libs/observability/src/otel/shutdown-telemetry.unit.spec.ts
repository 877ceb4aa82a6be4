import { createRequire } from 'node:module';
import { shutdownTelemetry, startTelemetry } from './start-telemetry';

const realRequire = createRequire(__filename);

describe('shutdownTelemetry', () => {
  it('does nothing when telemetry never started', async () => {
    await expect(shutdownTelemetry()).resolves.toBeUndefined();
  });

  it('flushes the started SDK once, and never holds a shutdown past 3 s when the exporter does not answer', async () => {
    const shutdown = jest.fn(() => new Promise<void>(() => undefined));
    class FakeSdk {
      start = jest.fn();
      shutdown = shutdown;
    }
    class FakeInstrumentation {}
    const load = (id: string): unknown =>
      id === '@opentelemetry/sdk-node' ? { NodeSDK: FakeSdk }
        : id === '@opentelemetry/api' ? realRequire(id)
          : { HttpInstrumentation: FakeInstrumentation, PgInstrumentation: FakeInstrumentation, KafkaJsInstrumentation: FakeInstrumentation };
    expect(startTelemetry('pdp', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:1' }, load)).toBe(true);
    jest.useFakeTimers();
    try {
      const done = shutdownTelemetry();
      await jest.advanceTimersByTimeAsync(3000);
      await expect(done).resolves.toBeUndefined();
      await shutdownTelemetry();
      expect(shutdown).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
