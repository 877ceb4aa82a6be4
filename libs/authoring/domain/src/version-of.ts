import { NotFoundError } from '@edict/core';
import type { BundleLineState, VersionState } from './bundle.state';

/** The version's state with its policy and tier, or BUNDLE.VERSION_NOT_FOUND. */
export function versionOf(state: BundleLineState, version: string): VersionState & { readonly policyId: string; readonly tier: Extract<BundleLineState, { kind: 'active' }>['tier'] } {
  const found = state.kind === 'active' ? state.versions[version] : undefined;
  if (!found || state.kind !== 'active') throw new NotFoundError('BUNDLE.VERSION_NOT_FOUND', `version ${version} does not exist`);
  return { ...found, policyId: state.policyId, tier: state.tier };
}

export const isAdmin = (roles: readonly string[]): boolean => roles.includes('admin');

/** Authors of record (everyone who drafted or revised the version) never approve it. */
export const isAuthorOf = (v: VersionState, subject: string): boolean => v.author === subject || v.authors.includes(subject);
