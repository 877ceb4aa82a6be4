/** The environment that switches OpenTelemetry on (the standard OTEL_* variables, plus OTEL_ENABLE). */
export type OtelEnv = Readonly<Record<string, string | undefined>>;

export interface OtelSettings {
  readonly enabled: boolean;
  /** why: which variable decided */
  readonly reason: string;
}

const TRUE = /^(1|true|yes|on)$/i;
const FALSE = /^(0|false|no|off)$/i;
const set = (value: string | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * Off by default. `OTEL_SDK_DISABLED=true` always wins; then `OTEL_ENABLE` (or the egress
 * runbook's `EGRESS_OTEL_ENABLE`) when given; otherwise on as soon as an exporter is configured:
 * `OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or an `OTEL_TRACES_EXPORTER`
 * other than `none`.
 */
export function otelSettings(env: OtelEnv): OtelSettings {
  if (TRUE.test(env['OTEL_SDK_DISABLED'] ?? '')) return { enabled: false, reason: 'OTEL_SDK_DISABLED' };
  for (const name of ['OTEL_ENABLE', 'EGRESS_OTEL_ENABLE']) {
    const value = env[name] ?? '';
    if (TRUE.test(value)) return { enabled: true, reason: name };
    if (FALSE.test(value)) return { enabled: false, reason: name };
  }
  for (const name of ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']) {
    if (set(env[name])) return { enabled: true, reason: name };
  }
  const exporters = env['OTEL_TRACES_EXPORTER'];
  if (set(exporters) && exporters.split(',').some((e) => e.trim() !== 'none')) return { enabled: true, reason: 'OTEL_TRACES_EXPORTER' };
  return { enabled: false, reason: 'no OTEL_* variable set' };
}
