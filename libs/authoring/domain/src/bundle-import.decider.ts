import type { BundleEvent, ImportProvenance } from '@edict/contracts';
import { ConflictError, type Decider } from '@edict/core';
import type { DraftBundle } from './bundle.commands';
import { bundleLineDecider } from './bundle.decider';
import type { BundleLineState } from './bundle.state';

/** Drafts a version that another environment exported, recording where it came from. */
export type ImportBundle = {
  readonly type: 'ImportBundle';
  readonly data: DraftBundle['data'] & { readonly importedFrom: ImportProvenance };
};

/**
 * Importing is drafting: the same tier roles and version rules (`BUNDLE.VERSION_NOT_NEXT`), the
 * importer is the author of record, and the draft then needs this environment's validation and
 * approvals like any other. Only a version that exists already is refused in import's own terms
 * (`IMPORT.VERSION_EXISTS`), since the remedy is `--as-version`.
 */
function decideImport(command: ImportBundle, state: BundleLineState): BundleEvent[] {
  const { importedFrom, ...draft } = command.data;
  if (state.kind === 'active' && state.versions[draft.version]) {
    throw new ConflictError('IMPORT.VERSION_EXISTS', `${draft.policyId}@${draft.version} exists in this environment; import it under another version (--as-version)`, {
      version: draft.version,
      latest: state.latest,
    });
  }
  return bundleLineDecider
    .decide({ type: 'DraftBundle', data: draft }, state)
    .map((event) => (event.type === 'BundleDrafted' ? { ...event, data: { ...event.data, importedFrom } } : event));
}

/** The `bundle-<policyId>` aggregate seen by the import use case. */
export const bundleImportDecider: Decider<ImportBundle, BundleEvent, BundleLineState> = {
  decide: decideImport,
  evolve: bundleLineDecider.evolve,
  initialState: bundleLineDecider.initialState,
};
