import { Inject, Injectable } from '@nestjs/common';
import { parseDecisionLog, type DecisionRecord } from '@edict/policy-engine';
import { VALIDATION_CONFIG, type ValidationConfig } from '../config/validation-config';
import { validationServiceToken } from './service-token';

const PAGE = 1000;

/**
 * The newest recorded decisions of one version, from the decision log's NDJSON export
 * (`GET /v1/decisions/export`, newest first, at most 1,000 per call): pages back with `until`
 * (exclusive) set to the oldest timestamp seen, so decisions sharing a page's last millisecond
 * with it may be left out. Throws when the decision log does not answer.
 */
@Injectable()
export class DecisionExportClient {
  constructor(@Inject(VALIDATION_CONFIG) private readonly config: ValidationConfig) {}

  async recent(policyId: string, version: string, wanted: number): Promise<DecisionRecord[]> {
    const seen = new Map<string, DecisionRecord>();
    let until: string | undefined;
    while (seen.size < wanted) {
      const limit = Math.min(PAGE, wanted - seen.size);
      const page = await this.page(policyId, version, limit, until);
      for (const record of page) seen.set(record.decisionId, record);
      const oldest = page[page.length - 1]?.timestamp;
      if (page.length < limit || oldest === undefined || oldest === until) break;
      until = oldest;
    }
    return [...seen.values()].slice(0, wanted);
  }

  private async page(policyId: string, version: string, limit: number, until: string | undefined): Promise<DecisionRecord[]> {
    const query = new URLSearchParams({ policyId, version, limit: String(limit), ...(until && { until }) });
    const url = `${this.config.decisionLogUrl}/v1/decisions/export?${query.toString()}`;
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${await validationServiceToken()}`, accept: 'application/x-ndjson' },
      signal: AbortSignal.timeout(this.config.timeoutMs),
    });
    if (!response.ok) throw new Error(`the decision log answered ${response.status}`);
    return parseDecisionLog(await response.text()).records;
  }
}
