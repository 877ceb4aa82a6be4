import { diffBundles, diffLines } from './bundle-diff';

const bundle = (rules: unknown[], settings: unknown, defaultEffect?: string): unknown => ({ spec: { ...(defaultEffect ? { defaultEffect } : {}), rules, settings } });
const v1 = bundle(
  [
    { id: 'deny-secrets', priority: 1000, match: { resource: 'secrets/**' }, effect: 'deny' },
    { id: 'allow-registries', priority: 100, match: { action: 'network.connect' }, when: 'request.resource in settings.allowLists.domains', effect: 'allow' },
    { id: 'allow-repo-read', priority: 10, match: { action: 'repo.read' }, effect: 'allow' },
  ],
  { allowLists: { domains: ['pypi.org', 'github.com'] }, limits: { cpuSeconds: 600, maxTokensPerRun: 200000 }, flags: { auditAllDecisions: false } },
);
const v2 = bundle(
  [
    { id: 'deny-secrets', priority: 1000, match: { resource: 'secrets/**' }, effect: 'deny' },
    { id: 'allow-registries', priority: 200, match: { action: 'network.connect' }, when: "request.resource in settings.allowLists.domains && request.agent != 'scraper'", effect: 'allow' },
    { id: 'approve-deploy', match: { action: 'deploy' }, effect: 'require_approval' },
  ],
  { allowLists: { domains: ['pypi.org', 'registry.npmjs.org'] }, limits: { cpuSeconds: 300, maxTokensPerRun: 200000 }, flags: { auditAllDecisions: true } },
  'deny',
);

describe('diffBundles', () => {
  const diff = diffBundles(v1, v2, { from: '1.0.0', to: '1.1.0' });

  it('names rules added, removed and changed, with the fields that changed', () => {
    expect(diff.rules).toEqual({
      added: ['approve-deploy'],
      removed: ['allow-repo-read'],
      changed: [{ id: 'allow-registries', fields: [
        { field: 'priority', from: 100, to: 200 },
        { field: 'when', from: 'request.resource in settings.allowLists.domains', to: "request.resource in settings.allowLists.domains && request.agent != 'scraper'" },
      ] }],
    });
  });

  it('names allow-list entries added and removed, limits and flags old → new; an unset default effect is deny', () => {
    expect(diff.settings).toEqual({
      allowLists: [{ name: 'domains', added: ['registry.npmjs.org'], removed: ['github.com'] }],
      limits: [{ field: 'cpuSeconds', from: 600, to: 300 }],
      flags: [{ field: 'auditAllDecisions', from: false, to: true }],
    });
    expect(diff.defaultEffect).toBeUndefined();
  });

  it('reads as one change a line', () => {
    expect(diffLines(diff)).toEqual([
      '1.0.0 → 1.1.0',
      '+ rule approve-deploy',
      '- rule allow-repo-read',
      '~ rule allow-registries: priority 100 → 200',
      "~ rule allow-registries: when request.resource in settings.allowLists.domains → request.resource in settings.allowLists.domains && request.agent != 'scraper'",
      '+ allowLists.domains: registry.npmjs.org',
      '- allowLists.domains: github.com',
      '~ limits.cpuSeconds: 600 → 300',
      '~ flags.auditAllDecisions: false → true',
    ]);
  });

  it('says so when nothing changed', () => {
    expect(diffLines(diffBundles(v1, v1, { from: 'a', to: 'b' }))).toEqual(['a → b', 'no changes to rules or settings']);
  });
});
