import type { DecisionLogged, DecisionWindowClosed } from '@edict/contracts';
import type { EvaluateWindowHandler, FastPathOptions } from '../handlers/evaluate-window.handler';
import { FastPathService } from './fast-path.service';

type Call = { window: DecisionWindowClosed['data']; fast: FastPathOptions | undefined };

const decision = (n: number, effect: 'allow' | 'deny', canary = true, version: string | null = '1.1.0'): DecisionLogged['data'] => ({
  decisionId: `d-${n}`, timestamp: new Date(Date.parse('2026-03-01T10:00:00.000Z') + n * 10).toISOString(), policyId: 'org/p', version, subject: `s-${n}`,
  request: { agent: 'coder', action: 'network.connect', resource: 'pypi.org' },
  result: { effect, rule: 'r', tier: 'org', reason: '', noMatch: false },
  bundles: [{ policyId: 'org/p', version: version ?? '1.0.0', cohort: n % 100, canary }], evaluationNs: 1000, source: 'pdp', decisionPoint: 'pdp-1',
});

const fastPath = (incident: string | null = 'INC-2026-0001'): { service: FastPathService; calls: Call[] } => {
  const calls: Call[] = [];
  const stub = { handle: (window: DecisionWindowClosed['data'], fast?: FastPathOptions) => { calls.push({ window, fast }); return Promise.resolve(incident ?? undefined); } };
  const clock = { now: () => new Date('2026-03-01T10:00:05.000Z') };
  return { service: new FastPathService(stub as unknown as EvaluateWindowHandler, clock), calls };
};

describe('FastPathService (2 s sliding windows of canary decisions, 50 at least)', () => {
  it('weighs a canary that denies everything as soon as 50 decisions are in the window, once', async () => {
    const { service, calls } = fastPath();
    for (let n = 0; n < 120; n++) await service.record(decision(n, 'deny'));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.window).toMatchObject({ policyId: 'org/p', version: '1.1.0', canary: true, total: 50, denies: 50, errors: 0 });
    expect(calls[0]?.fast).toEqual({ minSampleSize: 50, label: 'fast path (2 s)' });
  });

  it('asks again one window later while no incident came of it', async () => {
    const { service, calls } = fastPath(null);
    for (let n = 0; n < 500; n++) await service.record(decision(n, 'deny'));
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls.length).toBeLessThanOrEqual(3);
  });

  it('skips decisions older than 30 s by the clock (a consumer replaying history)', async () => {
    const { service, calls } = fastPath();
    for (let n = 0; n < 100; n++) await service.record({ ...decision(n, 'deny'), timestamp: new Date(Date.parse('2026-03-01T09:59:00.000Z') + n).toISOString() });
    expect(calls).toEqual([]);
  });

  it('leaves healthy canaries, the stable cohorts and decisions without a version alone', async () => {
    const { service, calls } = fastPath();
    for (let n = 0; n < 200; n++) await service.record(decision(n, n % 3 === 0 ? 'deny' : 'allow'));
    for (let n = 0; n < 200; n++) await service.record(decision(n, 'deny', false));
    for (let n = 0; n < 200; n++) await service.record(decision(n, 'deny', true, null));
    expect(calls).toEqual([]);
  });
});
