import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServingState } from '@edict/contracts';
import { createLogger } from '@edict/observability';
import type { DecisionPoint } from '@edict/pdp';
import type { PdpConfig } from '../pdp.config';
import { ServingSyncService } from './serving-sync.service';

const state = (revision: number): ServingState => ({ policyId: 'org/a', revision, stable: null, canary: null, pinned: null, killSwitch: null });

/** A distribution that long-polls as the real one does: held until `publish`, else 304 after the wait. */
class StubDistribution {
  readonly requests: { ifNoneMatch?: string; prefer?: string }[] = [];
  withEtag = true;
  private revision = 0;
  private held: (() => void)[] = [];
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.answer(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  publish(): void {
    this.revision += 1;
    this.held.splice(0).forEach((wake) => wake());
  }

  async stop(): Promise<void> {
    this.held.splice(0).forEach((wake) => wake());
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    const ifNoneMatch = req.headers['if-none-match'];
    const prefer = req.headers['prefer'];
    this.requests.push({ ...(ifNoneMatch ? { ifNoneMatch } : {}), ...(typeof prefer === 'string' ? { prefer } : {}) });
    const send = (): void => {
      const etag = `"r${this.revision}"`;
      if (ifNoneMatch === etag) return void res.writeHead(304, { etag }).end();
      res.writeHead(200, { 'content-type': 'application/json', ...(this.withEtag ? { etag } : {}) }).end(JSON.stringify([state(this.revision)]));
    };
    if (ifNoneMatch === `"r${this.revision}"` && prefer) {
      const timer = setTimeout(send, 60_000);
      this.held.push(() => {
        clearTimeout(timer);
        send();
      });
      return;
    }
    send();
  }
}

describe('the PDP keeps in step with distribution by long polling', () => {
  const distribution = new StubDistribution();
  const loaded: number[] = [];
  let sync: ServingSyncService;
  const until = async (what: string, done: () => boolean): Promise<void> => {
    for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
    if (!done()) throw new Error(`never: ${what}`);
  };

  beforeAll(async () => {
    process.env['EDICT_PDP_TOKEN'] = 'test-token';
    const url = await distribution.start();
    const pdp = {
      load: (s: ServingState) => {
        loaded.push(s.revision);
        return Promise.resolve(true);
      },
      loaded: () => [],
      dropUntrusted: () => Promise.resolve([]),
    } as unknown as DecisionPoint;
    const config = { name: 'pdp-test', distributionUrl: url, resyncMs: 30_000, policies: undefined } as unknown as PdpConfig;
    const metrics = { untrusted: { inc: () => undefined } } as unknown as ConstructorParameters<typeof ServingSyncService>[3];
    sync = new ServingSyncService(pdp, config, createLogger('pdp-test', { level: 'silent' }), metrics);
    await sync.start();
  });

  afterAll(async () => {
    sync.onApplicationShutdown();
    await distribution.stop();
    delete process.env['EDICT_PDP_TOKEN'];
  });

  it('loads at start, then holds a long poll with the ETag it loaded, answered as soon as something changes', async () => {
    expect(loaded).toEqual([0]);
    await until('a held long poll', () => distribution.requests.length === 2);
    expect(distribution.requests).toEqual([{}, { ifNoneMatch: '"r0"', prefer: 'wait=30' }]);
    distribution.publish();
    await until('revision 1 loaded', () => loaded.includes(1));
    await until('the next long poll', () => distribution.requests.length === 3);
    expect(distribution.requests[2]).toEqual({ ifNoneMatch: '"r1"', prefer: 'wait=30' });
  });
});
