import { existsSync } from 'node:fs';
import { parentPolicyIds, type ServingState } from '@edict/contracts';
import { compileBundle, validateBundleDocument, type CompiledBundle } from '@edict/policy-engine';
import { callService } from '../platform/http-client';
import { printProblems } from './format-problem';
import { loadParents } from './load-bundle';
import { loadOrReport } from './load-or-report';

/** The tier chain `edict check` decides with (org → team → project), the checked policy last. */
export interface CheckTiers {
  readonly policyId: string;
  readonly version: string;
  readonly tiers: readonly CompiledBundle[];
  readonly where: 'file' | 'serving';
}

/** Offline: a bundle file and its `--parent` files. */
async function fromFiles(file: string, parents: readonly string[]): Promise<CheckTiers | undefined> {
  const loaded = await loadOrReport(file);
  if (!loaded) return undefined;
  const { bundles, failed } = loadParents(parents);
  for (const f of failed) await printProblems(f.problems, f.filename);
  if (failed.length > 0) return undefined;
  return { policyId: loaded.compiled.policyId, version: loaded.compiled.version, tiers: [...bundles, loaded.compiled], where: 'file' };
}

/** What a tier serves to everyone: the pin when there is one, else the stable version. */
function servedDocument(state: ServingState): { version: string; document: unknown } | undefined {
  const served = state.pinned ?? state.stable;
  return served ? { version: served.version, document: served.document } : undefined;
}

/** Online: the version distribution serves for the policy and each parent tier that serves one. */
async function fromServing(policyId: string): Promise<CheckTiers> {
  const chain = [...parentPolicyIds(policyId), policyId];
  const tiers: CompiledBundle[] = [];
  let version = '';
  for (const id of chain) {
    const state = (await callService('distribution', `/v1/serving/${encodeURIComponent(id)}`).catch((error: unknown) => {
      if (id !== policyId && (error as { status?: number }).status === 404) return undefined;
      throw error;
    })) as ServingState | undefined;
    const served = state ? servedDocument(state) : undefined;
    if (!served) {
      if (id === policyId) throw new Error(`${policyId} serves no version: nothing to check against`);
      continue;
    }
    const problems = validateBundleDocument(served.document).filter((p) => p.severity === 'error');
    if (problems.length > 0) throw new Error(`${id}@${served.version} as served does not validate: ${problems[0]?.message ?? ''}`);
    tiers.push(compileBundle(served.document));
    if (id === policyId) version = served.version;
  }
  return { policyId, version, tiers, where: 'serving' };
}

/** `--policy` is a bundle file when one exists at that path, else a policy id asked of distribution. */
export function checkTiers(policy: string, parents: readonly string[]): Promise<CheckTiers | undefined> {
  return existsSync(policy) ? fromFiles(policy, parents) : fromServing(policy);
}
