import { Agent, request } from 'node:http';

/** A server under load: where to POST, with which headers, and the JSON bodies to send. */
export interface HttpTarget {
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  /** pre-serialised, so that JSON.stringify is not part of what is timed */
  readonly bodies: readonly string[];
}

/** One batch driven against one target. */
export interface LoadRun {
  readonly latenciesNs: Float64Array;
  readonly elapsedNs: number;
  readonly errors: number;
}

// A request that takes this long is a hung server, not a slow answer: fail the run rather than wait.
const REQUEST_TIMEOUT_MS = 10_000;

/** Keep-alive connections, at most `concurrency` of them, reused across every batch of one target. */
export function keepAliveAgent(concurrency: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
}

/** POSTs one JSON body; resolves with the status and the whole response text. */
export function postJson(agent: Agent, url: URL, headers: Readonly<Record<string, string>>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer from ${url.href} within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Sends bodies[from, from + count) with `concurrency` requests in flight (each worker sends
 * its next request when its previous answer is read: a closed loop, so the servers are never
 * queued beyond `concurrency`). Latency is measured per request on the client; a non-200
 * answer counts as an error and its latency is still recorded.
 */
export async function driveLoad(agent: Agent, target: HttpTarget, from: number, count: number, concurrency: number): Promise<LoadRun> {
  const latenciesNs = new Float64Array(count);
  let next = 0;
  let errors = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      const body = target.bodies[(from + i) % target.bodies.length]!;
      const t0 = process.hrtime.bigint();
      const { status } = await postJson(agent, target.url, target.headers, body);
      latenciesNs[i] = Number(process.hrtime.bigint() - t0);
      if (status !== 200) errors++;
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latenciesNs, elapsedNs: Number(process.hrtime.bigint() - started), errors };
}
