import { startTelemetry } from './start-telemetry';
import { activeTraceparent, inSpan, tracingActive } from './trace-hooks';

describe('startTelemetry when OpenTelemetry is off', () => {
  it.each([{}, { OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }, { OTEL_ENABLE: '0' }])(
    'loads no module and starts nothing with %j',
    (env) => {
      const load = jest.fn();
      expect(startTelemetry('authoring', env, load)).toBe(false);
      expect(load).not.toHaveBeenCalled();
      expect(tracingActive()).toBe(false);
    },
  );

  it('leaves the trace hooks as pass-throughs', async () => {
    expect(activeTraceparent()).toBeUndefined();
    await expect(inSpan('work', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', {}, () => Promise.resolve(42))).resolves.toBe(42);
  });
});
