import type { StoredEvent } from '../port/event-store.port';
import { auditExportMatcher, isFiltered } from './audit-export-filter';

const event = (streamId: string, data: unknown, recordedAt = '2026-01-02T00:00:00.000Z'): StoredEvent =>
  ({ eventId: 'e', streamId, revision: 0, position: 1, type: 'T', data, metadata: {}, recordedAt, hash: '0'.repeat(64), previousHash: '0'.repeat(64) });

describe('auditExportMatcher', () => {
  it("given a policy, then its own streams (bundle, rollout, validation@v, signature@v) and events naming it match, another policy's do not", () => {
    const matches = auditExportMatcher({ policyId: 'org/baseline' });
    expect(['bundle-org/baseline', 'rollout-org/baseline', 'validation-org/baseline@1.0.0', 'signature-org/baseline@1.1.0'].map((s) => matches(event(s, {})))).toEqual([true, true, true, true]);
    expect(matches(event('incident-INC-2026-0001', { incidentId: 'INC-2026-0001', policyId: 'org/baseline' }))).toBe(true);
    expect(matches(event('bundle-org/baseline2', {}))).toBe(false);
    expect(matches(event('incident-INC-2026-0002', { policyId: 'org/other' }))).toBe(false);
    expect(matches(event('incident-INC-2026-0001', { incidentId: 'INC-2026-0001', acknowledgedBy: 'olga' }))).toBe(true);
    expect(matches(event('incident-INC-2026-0002', { incidentId: 'INC-2026-0002', acknowledgedBy: 'olga' }))).toBe(false);
  });

  it('given a time range, then since is inclusive and until exclusive', () => {
    const matches = auditExportMatcher({ since: '2026-01-02T00:00:00.000Z', until: '2026-01-03T00:00:00.000Z' });
    expect(matches(event('bundle-org/a', {}, '2026-01-02T00:00:00.000Z'))).toBe(true);
    expect(matches(event('bundle-org/a', {}, '2026-01-03T00:00:00.000Z'))).toBe(false);
    expect(matches(event('bundle-org/a', {}, '2026-01-01T23:59:59.999Z'))).toBe(false);
  });

  it('given categories, then only those streams match; without any filter, the export is not filtered', () => {
    expect(auditExportMatcher({ categories: ['rollout'] })(event('bundle-org/a', {}))).toBe(false);
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ categories: ['rollout'] })).toBe(true);
  });
});
