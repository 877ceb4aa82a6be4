/**
 * What Edict's own code asks of tracing: the active context as a W3C `traceparent`, and running
 * work inside a span whose parent is a stored or received `traceparent`. Until `startTelemetry`
 * installs the OpenTelemetry implementation these are no-ops, so nothing OTel is loaded when off.
 */
export interface TraceHooks {
  /** the active span's context as a W3C traceparent, if a span is active */
  activeTraceparent(): string | undefined;
  /** runs `fn` in a new span, the child of `parent` (a traceparent) when given, else of the active context */
  inSpan<T>(name: string, parent: string | undefined, attributes: Readonly<Record<string, string>>, fn: () => Promise<T>): Promise<T>;
  /** sets attributes on the active span, if any (the correlation id on an HTTP request's span) */
  annotate(attributes: Readonly<Record<string, string>>): void;
  /** writes the active context's `traceparent` (and `tracestate`) into carrier headers */
  inject(headers: Record<string, string>): void;
}

let installed: TraceHooks | undefined;

/** Called once by startTelemetry. */
export function installTraceHooks(hooks: TraceHooks): void {
  installed = hooks;
}

/** True once startTelemetry has started the SDK in this process. */
export function tracingActive(): boolean {
  return installed !== undefined;
}

export function activeTraceparent(): string | undefined {
  return installed?.activeTraceparent();
}

export function inSpan<T>(name: string, parent: string | undefined, attributes: Readonly<Record<string, string>>, fn: () => Promise<T>): Promise<T> {
  return installed ? installed.inSpan(name, parent, attributes, fn) : fn();
}

export function injectTraceContext(headers: Record<string, string>): void {
  installed?.inject(headers);
}

export function annotateActiveSpan(attributes: Readonly<Record<string, string>>): void {
  installed?.annotate(attributes);
}
