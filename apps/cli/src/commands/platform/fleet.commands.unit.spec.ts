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
  ],
};

describe('edict fleet status rows', () => {
  it('shows per agent and policy the active and expected revision, the error and the state; user labels only', () => {
    const rows = fleetRows(view);
    expect(rows[0]).toEqual(['opa-eu-1', 'opa', 'region=eu', 'org/egress', '1.0.0', '1.1.0', '2026-12-01T09:00:00.000Z', 'bundle_error: signature verification failed', '2026-12-01T10:00:00.000Z', expect.stringContaining('error')]);
    expect(rows[1]?.[0]).toBe('opa-eu-2');
    expect(rows[1]?.[9]).toContain('stale');
  });
});
