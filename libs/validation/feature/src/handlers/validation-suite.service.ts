import { Inject, Injectable } from '@nestjs/common';
import type { ValidationReport } from '@edict/contracts';
import { runValidationSuite, type ReplacedVersion } from '@edict/validation-domain';
import { DecisionExportClient } from '../clients/decision-export.client';
import { ServingClient } from '../clients/serving.client';
import { VALIDATION_CONFIG, type ValidationConfig } from '../config/validation-config';
import { ParentVersionsService } from '../parents/parent-versions.service';
import { regoOutcome } from '../rego/rego-outcome';

export interface Candidate {
  readonly expected: { readonly policyId: string; readonly version: string };
  readonly document: unknown;
  readonly source?: string;
}

/**
 * Gathers what the suite judges a version on (parent versions, the version it would replace
 * and its recorded decisions, the Rego results) and runs it. Distribution unreachable throws
 * a retriable error; the decision log unreachable only skips the impact check.
 */
@Injectable()
export class ValidationSuiteService {
  constructor(
    @Inject(VALIDATION_CONFIG) private readonly config: ValidationConfig,
    private readonly parents: ParentVersionsService,
    private readonly serving: ServingClient,
    private readonly decisions: DecisionExportClient,
  ) {}

  async judge(candidate: Candidate): Promise<ValidationReport> {
    const { policyId, version } = candidate.expected;
    const parents = await this.parents.of(policyId);
    const replaced = await this.replaced(policyId, version);
    const rego = await regoOutcome(candidate.document, policyId, this.config.opaPath, this.config.settings);
    return runValidationSuite({ ...candidate, parents, replaced, rego, settings: this.config.settings });
  }

  private async replaced(policyId: string, version: string): Promise<ReplacedVersion> {
    const stable = (await this.serving.servingOf(policyId)).stable;
    if (!stable || stable.version === version) return { skipped: 'no version to replace' };
    const wanted = this.config.settings.impactDecisions;
    if (wanted === 0) return { skipped: 'impact replay is switched off (EDICT_VALIDATION_IMPACT_DECISIONS=0)' };
    try {
      return { version: stable.version, decisions: await this.decisions.recent(policyId, stable.version, wanted) };
    } catch (error) {
      return { skipped: `the decision log is not reachable (${error instanceof Error ? error.message : String(error)})` };
    }
  }
}
