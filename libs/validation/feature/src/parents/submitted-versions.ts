import type { BundleDrafted, BundleDraftRevised, BundleSubmitted } from '@edict/contracts';
import type { StoredEvent } from '@edict/event-store';

export interface SubmittedVersion {
  readonly version: string;
  readonly digest: string;
  readonly document: unknown;
  /** the text it was drafted from, when authoring recorded it */
  readonly source?: string;
}

/** Versions of a `bundle-<policyId>` stream that were submitted and not archived, with the document submitted. */
export function submittedVersionsOf(events: readonly StoredEvent[]): SubmittedVersion[] {
  const documents = new Map<string, { document: unknown; source?: string }>();
  const submitted = new Map<string, SubmittedVersion>();
  for (const event of events) {
    const data = event.data as Record<string, unknown>;
    if (event.type === 'BundleDrafted' || event.type === 'BundleDraftRevised') {
      const d = event.data as (BundleDrafted | BundleDraftRevised)['data'];
      documents.set(`${d.version}|${d.digest}`, { document: d.document, ...(typeof data['source'] === 'string' && { source: data['source'] }) });
    } else if (event.type === 'BundleSubmitted') {
      const s = event.data as BundleSubmitted['data'];
      const content = documents.get(`${s.version}|${s.digest}`);
      if (content) submitted.set(s.version, { version: s.version, digest: s.digest, ...content });
    } else if (event.type === 'BundleArchived') {
      submitted.delete(String(data['version']));
    }
  }
  return [...submitted.values()];
}

/** The document (and source) a version was submitted with, whether archived since or not. */
export function submittedDocumentOf(events: readonly StoredEvent[], version: string, digest: string): { document: unknown; source?: string } | undefined {
  for (const event of [...events].reverse()) {
    if (event.type !== 'BundleDrafted' && event.type !== 'BundleDraftRevised') continue;
    const data = event.data as Record<string, unknown>;
    const d = event.data as (BundleDrafted | BundleDraftRevised)['data'];
    if (d.version === version && d.digest === digest) return { document: d.document, ...(typeof data['source'] === 'string' && { source: data['source'] }) };
  }
  return undefined;
}
