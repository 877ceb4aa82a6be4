import { parseAuditExportQuery, type AuditExportQuery } from './audit-export-query';

describe('the audit export query', () => {
  it('reads the filters', () => {
    expect(parseAuditExportQuery({ after: '7', category: 'bundle,rollout', policy: 'org/baseline' })).toEqual({ after: 7, categories: ['bundle', 'rollout'], policyId: 'org/baseline' });
  });

  it('refuses a repeated parameter with 400 AUDIT.INVALID_QUERY, not a 500', () => {
    const repeated = { category: ['bundle', 'rollout'] } as unknown as AuditExportQuery;
    expect(() => parseAuditExportQuery(repeated)).toThrow(expect.objectContaining({ code: 'AUDIT.INVALID_QUERY', status: 400 }) as Error);
  });
});
