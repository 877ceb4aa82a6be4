import type { CompiledBundle } from '../compile/compiled-bundle.types';

/** `Team policy 'teams/alpha/network'`: how a child is named in tighten-only messages. */
export const childLabel = (b: CompiledBundle): string =>
  `${b.tier === 'org' ? 'Org' : b.tier === 'team' ? 'Team' : 'Project'} policy '${b.policyId}'`;

/** `org baseline` for the org tier, `team policy 'teams/alpha/x'` otherwise: how a parent is named. */
export const parentLabel = (b: CompiledBundle): string =>
  b.tier === 'org' ? 'org baseline' : `${b.tier} policy '${b.policyId}'`;
