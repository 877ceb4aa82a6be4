import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@edict/core';
import semver from 'semver';
import { emergencyView, versionSummary, type ActiveLine } from '../handlers/bundle-views';
import type { BundleListDto } from '../http/bundle-version.response';
import type { PolicyListDto, ReviewDto, ReviewListDto } from '../http/registry.response';
import { BundleLinesReader } from './bundle-lines.reader';

export interface Page { readonly limit: number; readonly offset: number }

const versionsOf = (line: ActiveLine): string[] => Object.keys(line.versions).sort(semver.compare);

/** The registry: every policy, every version, and the follow-up reviews emergency approvals left open. */
@Injectable()
export class BundleRegistryHandler {
  constructor(private readonly lines: BundleLinesReader) {}

  async policies(): Promise<PolicyListDto> {
    const items = (await this.lines.all()).map((line) => ({
      policyId: line.policyId,
      tier: line.tier,
      latestVersion: line.latest,
      versions: versionsOf(line).map((version) => ({ version, status: line.versions[version]!.status, ...(line.versions[version]!.emergency ? { emergency: true as const } : {}) })),
    }));
    return { items };
  }

  /** Versions of one policy (404 when it has none), or of every policy; paginated, oldest first. */
  async bundles(policyId: string | undefined, page: Page): Promise<BundleListDto> {
    let lines: ActiveLine[];
    if (policyId === undefined) lines = await this.lines.all();
    else {
      const { line } = await this.lines.one(policyId);
      if (!line) throw new NotFoundError('BUNDLE.POLICY_NOT_FOUND', `no bundles for ${policyId}`);
      lines = [line];
    }
    const all = lines.flatMap((line) => versionsOf(line).map((v) => versionSummary(line, line.versions[v]!)));
    return { items: all.slice(page.offset, page.offset + page.limit), total: all.length, ...page };
  }

  /** Follow-up reviews of emergency approvals: `open` until a second approver confirms. */
  async reviews(status: 'open' | 'confirmed' | 'all'): Promise<ReviewListDto> {
    const items = (await this.lines.all()).flatMap((line) =>
      versionsOf(line).flatMap((version): ReviewDto[] => {
        const v = line.versions[version]!;
        const emergency = emergencyView(v);
        if (!emergency || (status !== 'all' && emergency.review !== status)) return [];
        return [{ kind: 'emergency-approval', policyId: line.policyId, tier: line.tier, version, status: emergency.review, authors: v.authors, ...emergency }];
      }),
    );
    return { items };
  }
}
