import { BundleDocumentFields as F } from '@edict/service-kit';

/** The bundle to judge, as in authoring's draft body: parsed (`document`) or as text (`source`), exactly one. */
export class DryRunDto {
  @F.document() document?: Record<string, unknown>;
  @F.source('the PolicyBundle document as YAML or JSON text; findings then carry line and column') source?: string;
  @F.format() format?: 'yaml' | 'json';
  @F.filename() filename?: string;
}
