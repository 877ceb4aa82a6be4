import { Inject, Injectable } from '@nestjs/common';
import semver from 'semver';
import { parentPolicyIds, StreamIds, type ServingState } from '@edict/contracts';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import type { ParentVersion } from '@edict/validation-domain';
import { ServingClient } from '../clients/serving.client';
import { submittedVersionsOf } from './submitted-versions';

/**
 * The parent versions a team or project policy is judged against, for every tier above it
 * (`parentPolicyIds`: same name up the hierarchy, so a project is judged by the org even when
 * its team serves nothing): what distribution serves now (stable, and the canary while one is
 * in flight), and every version submitted to authoring after it that is neither serving,
 * archived nor failed: what may serve next.
 */
@Injectable()
export class ParentVersionsService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly serving: ServingClient) {}

  async of(policyId: string): Promise<ParentVersion[]> {
    const found: ParentVersion[] = [];
    for (const parentId of parentPolicyIds(policyId)) {
      const state = await this.serving.servingOf(parentId);
      found.push(...served(state), ...(await this.pending(parentId, state)));
    }
    return found;
  }

  private async pending(policyId: string, state: ServingState): Promise<ParentVersion[]> {
    const serving = new Set([state.stable?.version, state.canary?.version].filter((v): v is string => v !== undefined));
    const floor = state.stable?.version;
    const versions = submittedVersionsOf(await this.store.readStream(StreamIds.bundle(policyId)));
    const pending: ParentVersion[] = [];
    for (const v of versions) {
      if (serving.has(v.version) || (floor !== undefined && !semver.gt(v.version, floor))) continue;
      const verdict = await this.store.readStream(StreamIds.validation(policyId, v.version));
      if (verdict[verdict.length - 1]?.type === 'BundleValidationFailed') continue;
      pending.push({ policyId, version: v.version, as: 'submitted', document: v.document });
    }
    return pending;
  }
}

function served(state: ServingState): ParentVersion[] {
  const out: ParentVersion[] = [];
  if (state.stable) out.push({ policyId: state.policyId, version: state.stable.version, as: 'stable', document: state.stable.document });
  if (state.canary && state.canary.version !== state.stable?.version) out.push({ policyId: state.policyId, version: state.canary.version, as: 'canary', document: state.canary.document });
  return out;
}
