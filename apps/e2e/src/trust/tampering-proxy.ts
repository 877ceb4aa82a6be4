import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does to distribution's answers on `/v1/serving…`. */
export type ProxyMode =
  | { readonly kind: 'pass' }
  | { readonly kind: 'rewrite'; readonly rewrite: (state: Record<string, unknown>) => Record<string, unknown> }
  | { readonly kind: 'replay'; readonly body: string };

/**
 * An attacker on the plain-HTTP path between a PDP and distribution: forwards every request,
 * remembers the last serving answer, and can rewrite or replace serving answers on the way back.
 */
export class TamperingProxy {
  mode: ProxyMode = { kind: 'pass' };
  /** the last `/v1/serving` (all policies) body distribution really sent */
  lastServing: string | undefined;
  private server: Server | undefined;

  constructor(private readonly target: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void this.forward(req.method ?? 'GET', req.url ?? '/', req.headers, Buffer.concat(chunks)).then(
          ({ status, body, type }) => {
            res.writeHead(status, { 'content-type': type });
            res.end(body);
          },
          (error: unknown) => {
            res.writeHead(502, { 'content-type': 'text/plain' });
            res.end(String(error));
          },
        );
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async forward(method: string, url: string, headers: IncomingHttpHeaders, body: Buffer): Promise<{ status: number; body: string; type: string }> {
    const serving = url === '/v1/serving' || url.startsWith('/v1/serving/');
    if (serving && this.mode.kind === 'replay') return { status: 200, body: this.mode.body, type: 'application/json' };
    const answer = await fetch(`${this.target}${url}`, {
      method,
      headers: Object.fromEntries(Object.entries(headers).filter(([k, v]) => typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k))) as Record<string, string>,
      ...(body.length > 0 ? { body } : {}),
    });
    let text = await answer.text();
    if (url === '/v1/serving' && answer.ok) this.lastServing = text;
    if (serving && answer.ok && this.mode.kind === 'rewrite') {
      const rewrite = this.mode.rewrite;
      const parsed = JSON.parse(text) as Record<string, unknown> | Record<string, unknown>[];
      text = JSON.stringify(Array.isArray(parsed) ? parsed.map(rewrite) : rewrite(parsed));
    }
    return { status: answer.status, body: text, type: answer.headers.get('content-type') ?? 'application/json' };
  }
}
