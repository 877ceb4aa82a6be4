import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { leanHttp } from './lean-http.client';

describe('leanHttp, the PDP’s calls out on node:http', () => {
  let server: Server;
  let base: string;
  const seen: { method?: string; body: string; headers: IncomingMessage['headers'] }[] = [];
  const answer = (req: IncomingMessage, res: ServerResponse, body: string): void => {
    seen.push({ ...(req.method ? { method: req.method } : {}), body, headers: req.headers });
    if (req.url === '/json') return void res.writeHead(200, { 'content-type': 'application/json', etag: '"e7"' }).end('{"items":[1,2]}');
    if (req.url === '/fleet') return void res.writeHead(204).end();
    if (req.url === '/missing') return void res.writeHead(404).end('no such thing');
    // '/silent': never answers
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => answer(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('reads a JSON answer, its status and headers, sending the headers given', async () => {
    const res = await leanHttp(`${base}/json`, { headers: { authorization: 'Bearer t' } });
    expect([res.status, res.ok, res.header('ETag'), res.json()]).toEqual([200, true, '"e7"', { items: [1, 2] }]);
    expect(seen.at(-1)?.headers.authorization).toBe('Bearer t');
  });

  it('posts a body with its length, and tells a failure status', async () => {
    const posted = await leanHttp(`${base}/fleet`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"pdp-é"}' });
    expect(posted.status).toBe(204);
    expect(seen.at(-1)).toEqual(expect.objectContaining({ method: 'POST', body: '{"name":"pdp-é"}' }));
    expect(seen.at(-1)?.headers['content-length']).toBe(String(Buffer.byteLength('{"name":"pdp-é"}')));
    const missing = await leanHttp(`${base}/missing`);
    expect([missing.status, missing.ok, missing.text()]).toEqual([404, false, 'no such thing']);
  });

  it('gives up a call that outlasts its timeout', async () => {
    await expect(leanHttp(`${base}/silent`, { timeoutMs: 200 })).rejects.toThrow('did not answer within 200 ms');
  });

  it('rejects with the abort reason when its signal aborts (a long poll on shutdown)', async () => {
    const abort = new AbortController();
    const call = leanHttp(`${base}/silent`, { signal: abort.signal });
    await new Promise((resolve) => setImmediate(resolve));
    abort.abort(new Error('stopping'));
    await expect(call).rejects.toThrow('stopping');
  });

  it('refuses an unreachable server', async () => {
    await expect(leanHttp('http://127.0.0.1:9/x', { timeoutMs: 2000 })).rejects.toThrow(/ECONNREFUSED/);
  });
});
