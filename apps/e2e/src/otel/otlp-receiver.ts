import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One span as an OTLP/HTTP JSON export carries it, with its resource's service.name. */
export interface ReceivedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
}

interface OtlpAttribute { key: string; value: { stringValue?: string; intValue?: string | number; boolValue?: boolean } }
interface OtlpSpan { traceId: string; spanId: string; parentSpanId?: string; name: string; attributes?: OtlpAttribute[] }
interface OtlpTraces { resourceSpans?: { resource?: { attributes?: OtlpAttribute[] }; scopeSpans?: { spans?: OtlpSpan[] }[] }[] }
interface OtlpMetrics { resourceMetrics?: { resource?: { attributes?: OtlpAttribute[] } }[] }

const flat = (attributes: readonly OtlpAttribute[] = []): Record<string, string> =>
  Object.fromEntries(attributes.map(({ key, value }) => [key, String(value.stringValue ?? value.intValue ?? value.boolValue ?? '')]));

/**
 * A local OTLP/HTTP receiver for the JSON protocol (OTEL_EXPORTER_OTLP_PROTOCOL=http/json):
 * POST /v1/traces and /v1/metrics, answered 200 with an empty partial-success body.
 */
export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  /** service.name of every resource that exported metrics */
  readonly metricServices = new Set<string>();
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        try {
          this.receive(req.url ?? '', JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
          res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        } catch (error) {
          res.writeHead(400, { 'content-type': 'text/plain' }).end(String(error));
        }
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private receive(path: string, body: unknown): void {
    if (path.startsWith('/v1/traces')) {
      for (const rs of (body as OtlpTraces).resourceSpans ?? []) {
        const service = flat(rs.resource?.attributes)['service.name'] ?? '';
        for (const span of (rs.scopeSpans ?? []).flatMap((s) => s.spans ?? [])) {
          this.spans.push({ service, traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId ?? '', name: span.name, attributes: flat(span.attributes) });
        }
      }
    } else if (path.startsWith('/v1/metrics')) {
      for (const rm of (body as OtlpMetrics).resourceMetrics ?? []) this.metricServices.add(flat(rm.resource?.attributes)['service.name'] ?? '');
    }
  }
}
