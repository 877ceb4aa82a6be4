import { otelSettings } from './otel-settings';

describe('otelSettings', () => {
  it('is off with no OTEL_* variable', () => {
    expect(otelSettings({})).toEqual({ enabled: false, reason: 'no OTEL_* variable set' });
  });

  it.each([
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT'],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces' }, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'],
    [{ OTEL_TRACES_EXPORTER: 'otlp' }, 'OTEL_TRACES_EXPORTER'],
    [{ OTEL_ENABLE: '1' }, 'OTEL_ENABLE'],
    [{ EGRESS_OTEL_ENABLE: 'true' }, 'EGRESS_OTEL_ENABLE'],
  ])('is on with %j', (env, reason) => {
    expect(otelSettings(env)).toEqual({ enabled: true, reason });
  });

  it('stays off when the only exporter named is none', () => {
    expect(otelSettings({ OTEL_TRACES_EXPORTER: 'none' }).enabled).toBe(false);
  });

  it('OTEL_SDK_DISABLED=true wins over everything, OTEL_ENABLE=0 over an endpoint', () => {
    expect(otelSettings({ OTEL_SDK_DISABLED: 'true', OTEL_ENABLE: '1', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://x' })).toEqual({ enabled: false, reason: 'OTEL_SDK_DISABLED' });
    expect(otelSettings({ OTEL_ENABLE: '0', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://x' })).toEqual({ enabled: false, reason: 'OTEL_ENABLE' });
  });
});
