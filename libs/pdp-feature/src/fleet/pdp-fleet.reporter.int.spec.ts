import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PdpFleetReport } from '@edict/contracts';
import { createLogger } from '@edict/observability';
import type { DecisionPoint, LoadedPolicy } from '@edict/pdp';
import type { PdpConfig } from '../pdp.config';
import { PdpFleetReporter } from './pdp-fleet.reporter';

/**
 * The fleet report over real HTTP against a stub distribution: one a second after start, one
 * shortly after a change (not at the next interval, here a minute away), none in between; a
 * failed report is retried a second later.
 */
describe('the PDP reports to the fleet view on change, not on a short timer', () => {
  const reports: { at: number; body: PdpFleetReport; agent: string | undefined }[] = [];
  let answer = 204;
  let server: Server;
  let reporter: PdpFleetReporter;
  let held: LoadedPolicy[] = [];
  const until = async (what: string, done: () => boolean, ms = 5000): Promise<void> => {
    for (let i = 0; i < ms / 20 && !done(); i++) await new Promise((r) => setTimeout(r, 20));
    if (!done()) throw new Error(`never: ${what}`);
  };

  beforeAll(async () => {
    process.env['EDICT_PDP_TOKEN'] = 'test-token';
    process.env['EDICT_PDP_FLEET_REPORT_MS'] = '60000';
    server = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => {
        reports.push({ at: Date.now(), body: JSON.parse(text) as PdpFleetReport, agent: req.headers['x-edict-agent-id'] as string | undefined });
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const pdp = { loaded: () => held } as unknown as DecisionPoint;
    const config = { name: 'pdp-fleet-int', distributionUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` } as unknown as PdpConfig;
    reporter = new PdpFleetReporter(pdp, config, createLogger('pdp-test', { level: 'silent' }));
  });

  afterAll(async () => {
    reporter.onApplicationShutdown();
    delete process.env['EDICT_PDP_FLEET_REPORT_MS'];
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('reports after start, then what changed soon after the change, retrying a failed report', async () => {
    const started = Date.now();
    reporter.onApplicationBootstrap();
    await until('the first report', () => reports.length === 1);
    expect(reports[0]).toMatchObject({ agent: 'pdp-fleet-int', body: { labels: { kind: 'edict-pdp' }, policies: [] } });
    expect(reports[0]!.at - started).toBeGreaterThanOrEqual(900);

    held = [{ policyId: 'org/a', revision: 3, stable: { version: '1.0.0' }, canary: null, pinned: null, killSwitch: null } as unknown as LoadedPolicy];
    const changedAt = Date.now();
    reporter.changed();
    reporter.changed(); // two changes in a row: one report
    await until('the report of the change', () => reports.length === 2);
    expect(reports[1]!.body.policies).toEqual([{ policyId: 'org/a', revision: '1.0.0', canary: null }]);
    expect(reports[1]!.at - changedAt).toBeLessThan(2000);

    answer = 503;
    reporter.changed();
    await until('the refused report', () => reports.length === 3);
    answer = 204;
    await until('its retry a second later', () => reports.length === 4, 4000);
    expect(reports[3]!.at - reports[2]!.at).toBeGreaterThanOrEqual(900);
  });
});
