import type { FleetView } from '@edict/contracts';
import { fleetRows } from './fleet.commands';

const view: FleetView = {
  staleAfterSeconds: 330,
  agents: [
    {
      id: 'opa-eu-1',
      kind: 'opa',
      labels: { id: 'uuid', version: '1.22.2', region: 'eu' },
      lastSeen: '2026-12-01T10:00:00.000Z',
      lastStatus: '2026-12-01T10:00:00.000Z',
      stale: false,
      policies: [
        { policyId: 'org/egress', activeRevision: '1.0.0', expectedRevision: '1.1.0', servedRevision: '1.1.0', lastActivation: '2026-12-01T09:00:00.000Z', lastDownload: null, code: 'bundle_error', message: 'signature verification failed', errors: [], state: 'error' },
      ],
    },
    { id: 'opa-eu-2', kind: 'opa', labels: {}, lastSeen: '2026-12-01T09:00:00.000Z', lastStatus: null, stale: true, policies: [] },
    {
      id: 'pdp-web-1', kind: 'pdp', labels: { kind: 'edict-pdp', host: 'web-1' }, lastSeen: '2026-12-01T10:00:00.000Z', lastStatus: '2026-12-01T10:00:00.000Z', stale: false,
      policies: [
        { policyId: 'org/baseline', activeRevision: '1.0.0', expectedRevision: '1.0.0', servedRevision: null, lastActivation: null, lastDownload: null, code: null, message: null, errors: [], state: 'current',
          activeCanary: { version: '1.1.0', percentage: 10 }, expectedCanary: { version: '1.1.0', percentage: 10 } },
      ],
    },
  ],
};

describe('edict fleet status rows', () => {
  it('shows per agent and policy the active and expected revision, the error and the state; user labels only', () => {
    const rows = fleetRows(view);
    expect(rows[0]).toEqual(['opa-eu-1', 'opa', 'region=eu', 'org/egress', '1.0.0', '1.1.0', '2026-12-01T09:00:00.000Z', 'bundle_error: signature verification failed', '2026-12-01T10:00:00.000Z', expect.stringContaining('error')]);
    expect(rows[1]?.[0]).toBe('opa-eu-2');
    expect(rows[1]?.[9]).toContain('stale');
  });

  it('shows a PDP with the canary it holds beside its stable version', () => {
    expect(fleetRows(view)[2]).toEqual(['pdp-web-1', 'pdp', 'kind=edict-pdp host=web-1', 'org/baseline', '1.0.0 + 1.1.0@10%', '1.0.0 + 1.1.0@10%', '-', '', '2026-12-01T10:00:00.000Z', expect.stringContaining('current')]);
  });
});
