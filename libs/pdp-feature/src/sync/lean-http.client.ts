import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** An answer read to its end: what the PDP's calls to distribution, authoring and the JWKS need of one. */
export interface LeanAnswer {
  readonly status: number;
  readonly ok: boolean;
  header(name: string): string | undefined;
  text(): string;
  json(): unknown;
}

export interface LeanRequest {
  readonly method?: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** aborts the call (a long poll on shutdown); rejects with the signal's reason */
  readonly signal?: AbortSignal;
  /** the whole call, answer read included; none by default (a long poll sets its own bound) */
  readonly timeoutMs?: number;
}

/**
 * One HTTP(S) call on node:http, for the PDP's own calls out (the serving long poll, exceptions,
 * the fleet report, JWKS). Not `fetch`: Node 20's fetch (undici) loads about 12 MB more into
 * the process on first use, and while a request is open (a long poll is, all the time) or a
 * kept-alive socket idles, its timer wheel ticks every 500 ms, waking an idle process twice a
 * second. node:http's timers fire only when due. Sockets are kept alive by Node's global agent.
 */
export function leanHttp(url: string, init: LeanRequest = {}): Promise<LeanAnswer> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<LeanAnswer>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const fail = (error: Error): void => {
      clearTimeout(timer);
      reject(init.signal?.aborted ? (init.signal.reason as Error) : error);
    };
    const headers: Record<string, string | number> = { ...init.headers };
    if (init.body !== undefined) headers['content-length'] = Buffer.byteLength(init.body);
    const req = send(target, { method: init.method ?? 'GET', headers, ...(init.signal ? { signal: init.signal } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      res.on('end', () => {
        clearTimeout(timer);
        resolve(answer(res.statusCode ?? 0, res.headers, Buffer.concat(chunks).toString('utf8')));
      });
    });
    if (init.timeoutMs !== undefined) timer = setTimeout(() => req.destroy(new Error(`${target.origin}${target.pathname} did not answer within ${init.timeoutMs} ms`)), init.timeoutMs);
    req.on('error', fail);
    req.end(init.body);
  });
}

function answer(status: number, headers: IncomingHttpHeaders, body: string): LeanAnswer {
  return {
    status,
    ok: status >= 200 && status < 300,
    header: (name) => {
      const value = headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    text: () => body,
    json: () => JSON.parse(body) as unknown,
  };
}
