import { parseOpaStatus } from './parse-opa-status';

/** The shape of a report from OPA v1.22's status plugin (fields Edict does not keep trimmed). */
const report = {
  labels: { id: '0b2e…', version: '1.22.2', team: 'payments' },
  bundles: {
    'org/egress': {
      name: 'org/egress',
      active_revision: '1.0.0',
      last_successful_activation: '2026-12-01T10:00:01.5Z',
      last_successful_download: '2026-12-01T10:00:01Z',
      last_request: '2026-12-01T10:00:01Z',
      metrics: { timer_rego_load_bundles_ns: 123 },
    },
    'org/other': { name: 'org/other', last_successful_activation: '0001-01-01T00:00:00Z', code: 'bundle_error', message: 'signature verification failed', errors: [{ code: 'bundle_error' }] },
  },
  plugins: { bundle: { state: 'OK' }, status: { state: 'OK' } },
  metrics: { prometheus: {} },
};

describe('parseOpaStatus', () => {
  it("keeps labels, each bundle's revision, times, error and plugin states; Go's zero time is null", () => {
    const parsed = parseOpaStatus(report);
    expect(parsed.labels).toEqual(report.labels);
    expect(parsed.bundles['org/egress']).toEqual(expect.objectContaining({ activeRevision: '1.0.0', lastSuccessfulActivation: '2026-12-01T10:00:01.500Z', code: null, errors: [] }));
    expect(parsed.bundles['org/other']).toEqual(expect.objectContaining({ activeRevision: null, lastSuccessfulActivation: null, code: 'bundle_error', message: 'signature verification failed', errors: [{ code: 'bundle_error' }] }));
    expect(parsed.plugins).toEqual({ bundle: 'OK', status: 'OK' });
  });

  it.each([
    ['not an object', []],
    ['no labels.id', { labels: { team: 'x' } }],
    ['a label that is not a string', { labels: { id: 'a', n: 1 } }],
    ['bundles not an object', { labels: { id: 'a' }, bundles: [] }],
    ['a bad time', { labels: { id: 'a' }, bundles: { b: { last_successful_activation: 'yesterday' } } }],
    ['errors not an array', { labels: { id: 'a' }, bundles: { b: { errors: 'x' } } }],
    ['a plugin without state', { labels: { id: 'a' }, plugins: { bundle: {} } }],
  ])('refuses %s with OPA.STATUS_INVALID', (_why, body) => {
    expect(() => parseOpaStatus(body)).toThrow(expect.objectContaining({ code: 'OPA.STATUS_INVALID', status: 400 }));
  });
});
