import type { BundleDrafted, ImportProvenance } from '@edict/contracts';
import { ConflictError, ForbiddenError } from '@edict/core';
import { deciderSpec } from '@edict/testing';
import { draft, drafted, people, submitted } from './__fixtures__/bundle.fixtures';
import { bundleImportDecider, type ImportBundle } from './bundle-import.decider';
import type { Actor } from './bundle.commands';

const spec = deciderSpec(bundleImportDecider);
const provenance: ImportProvenance = {
  environment: 'staging',
  version: '1.4.0',
  digest: `sha256:${'c'.repeat(64)}`,
  approvals: [{ subject: 'bob', role: 'security', grantedAt: '2025-02-01T10:00:00.000Z' }],
  exportedAt: '2025-02-28T10:00:00.000Z',
};
const importAs = (version: string, by: Actor = people.alice): ImportBundle => ({ type: 'ImportBundle', data: { ...draft(version, by).data, importedFrom: provenance } });
const importedAs = (version: string, author = 'alice'): BundleDrafted => ({ ...drafted(version, author), data: { ...drafted(version, author).data, importedFrom: provenance } });

describe('ImportBundle', () => {
  it('drafts the version with its provenance; it is a draft like any other', () => {
    const state = spec.given([]).when(importAs('1.4.0')).then([importedAs('1.4.0')]);
    expect(state).toMatchObject({ latest: '1.4.0', versions: { '1.4.0': { status: 'draft', author: 'alice', approvals: [] } } });
  });

  it('follows this environment’s version line (the next version after 1.0.0)', () => {
    spec.given([drafted('1.0.0')]).when(importAs('1.1.0')).then([importedAs('1.1.0')]);
  });

  it('refuses a version that exists already, pointing at --as-version', () => {
    const error = spec.given([drafted('1.0.0'), submitted('1.0.0'), drafted('1.1.0')]).when(importAs('1.0.0')).thenThrows('IMPORT.VERSION_EXISTS', ConflictError);
    expect(error.details).toEqual({ version: '1.0.0', latest: '1.1.0' });
  });

  it('refuses a version that skips ahead: BUNDLE.VERSION_NOT_NEXT', () => {
    spec.given([drafted('1.0.0')]).when(importAs('1.4.0')).thenThrows('BUNDLE.VERSION_NOT_NEXT', ConflictError);
  });

  it('needs the roles drafting the tier needs (org: security)', () => {
    spec.given([]).when(importAs('1.4.0', people.tom)).thenThrows('BUNDLE.TIER_ROLE_REQUIRED', ForbiddenError);
  });
});
