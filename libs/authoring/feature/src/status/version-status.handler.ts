import { Inject, Injectable } from '@nestjs/common';
import { StreamIds, type BundleSigned, type ServingState, type ValidationEvent } from '@edict/contracts';
import { NotFoundError } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { versionSummary } from '../handlers/bundle-views';
import { BundleLinesReader } from '../registry/bundle-lines.reader';
import type { StatusServingDto, StatusValidationDto, VersionStatusDto } from '../http/version-status.response';
import { DistributionServingClient, type ServingAnswer } from './distribution-serving.client';

const servedAs = (state: ServingState | null, version: string): string[] => {
  if (!state) return [];
  const as: string[] = [];
  if (state.stable?.version === version) as.push('stable');
  if (state.canary?.version === version) as.push(`canary ${state.canary.percentage}%`);
  if (state.pinned?.version === version) as.push('pinned');
  return as;
};

const servingView = (answer: ServingAnswer, version: string): StatusServingDto =>
  answer.reachable
    ? { as: servedAs(answer.state, version), ...(answer.state?.killSwitch ? { killSwitch: answer.state.killSwitch } : {}) }
    : { unavailable: answer.note };

/**
 * A version's whole status in one view: its lifecycle in authoring, validation's verdict with its
 * report (the `validation-<policyId>@<version>` stream, for this digest), the approvals granted
 * and missing, the emergency mark and its follow-up review, the signature, and where
 * distribution serves it (left out, with a note, when distribution cannot be reached).
 */
@Injectable()
export class VersionStatusHandler {
  constructor(
    private readonly lines: BundleLinesReader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly distribution: DistributionServingClient,
  ) {}

  async status(policyId: string, version: string): Promise<VersionStatusDto> {
    const { line } = await this.lines.one(policyId);
    const v = line?.versions[version];
    if (!line || !v) throw new NotFoundError('BUNDLE.VERSION_NOT_FOUND', `${policyId} has no version ${version}`);
    const verdicts = (await this.store.readStream(StreamIds.validation(policyId, version))).map((e) => ({ type: e.type, data: e.data }) as ValidationEvent);
    const verdict = verdicts.filter((e) => e.data.digest === v.digest).at(-1);
    const signed = (await this.store.readStream(StreamIds.signature(policyId, version))).map((e) => e.data as BundleSigned['data']).find((s) => s.digest === v.digest);
    const serving = v.status === 'approved' || v.status === 'archived' ? servingView(await this.distribution.serving(policyId), version) : { as: [] };
    const validation: StatusValidationDto = !verdict
      ? { outcome: v.status === 'draft' ? 'not-submitted' : 'pending' }
      : verdict.type === 'BundleValidated'
        ? { outcome: 'validated', validatedAt: verdict.data.validatedAt, warnings: verdict.data.warnings, ...(verdict.data.report ? { report: verdict.data.report } : {}) }
        : { outcome: 'failed', validatedAt: verdict.data.validatedAt, problems: verdict.data.problems, ...(verdict.data.report ? { report: verdict.data.report } : {}) };
    const stage = v.status === 'submitted' && verdict ? (verdict.type === 'BundleValidated' ? 'validated' : 'failed') : v.status === 'approved' && signed ? 'signed' : v.status;
    return {
      ...versionSummary(line, v),
      stage,
      validation,
      signature: signed ? { signed: true, kid: signed.kid, alg: signed.alg, signedAt: signed.signedAt } : { signed: false },
      serving,
    };
  }
}
