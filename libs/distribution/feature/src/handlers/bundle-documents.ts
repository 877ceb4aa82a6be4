import { StreamIds, type BundleDrafted, type BundleDraftRevised } from '@edict/contracts';
import { ConflictError } from '@edict/core';
import type { EventStore } from '@edict/event-store';

/**
 * Documents by digest, read from authoring's stream (everyone may read the store). A digest
 * names immutable content, so what was found once is kept.
 */
export class BundleDocuments {
  private readonly cache = new Map<string, Readonly<Record<string, unknown>>>();

  constructor(private readonly store: EventStore) {}

  async get(policyId: string, digest: string): Promise<Readonly<Record<string, unknown>>> {
    const key = `${policyId}@${digest}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    for (const event of await this.store.readStream(StreamIds.bundle(policyId))) {
      if (event.type !== 'BundleDrafted' && event.type !== 'BundleDraftRevised') continue;
      const data = event.data as (BundleDrafted | BundleDraftRevised)['data'];
      if (data.digest === digest) {
        this.cache.set(key, data.document);
        return data.document;
      }
    }
    throw new ConflictError('DISTRIBUTION.DOCUMENT_NOT_FOUND', `no document ${digest} for ${policyId}`);
  }
}
