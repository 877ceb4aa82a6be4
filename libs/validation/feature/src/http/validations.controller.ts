import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StreamIds, type ValidationEvent } from '@edict/contracts';
import { NotFoundError } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { ApiProblems, Roles, PolicyIdPipe } from '@edict/service-kit';
import { ValidationVerdictDto, type RecordedVerdict } from './validation-verdict.response';

const READERS = ['author', 'reviewer', 'team-lead', 'security', 'platform', 'oncall', 'auditor', 'admin'] as const;

const VERDICT_PROBLEMS = { 404: 'the version has not been validated (VALIDATION.NOT_FOUND)', 409: 'the verdict names a document the store lacks (VALIDATION.DOCUMENT_NOT_FOUND)' } as const;

/** The verdict validation recorded for a version: outcome, problems and the whole report. */
@ApiTags('validations')
@ApiBearerAuth()
@Controller('v1/validations')
export class ValidationsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':policyId/:version')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The verdict of a submitted version: outcome and report (every check with its findings, coverage, impact, parents)' })
  @ApiProblems(VERDICT_PROBLEMS)
  @ApiOkResponse({ type: ValidationVerdictDto })
  report(@Param('policyId', PolicyIdPipe) policyId: string, @Param('version') version: string): Promise<ValidationVerdictDto> {
    return this.verdictOf(policyId, version);
  }

  @Get(':policyId/versions/:version')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The same as GET /v1/validations/{policyId}/{version}' })
  @ApiProblems(VERDICT_PROBLEMS)
  @ApiOkResponse({ type: ValidationVerdictDto })
  verdict(@Param('policyId', PolicyIdPipe) policyId: string, @Param('version') version: string): Promise<ValidationVerdictDto> {
    return this.verdictOf(policyId, version);
  }

  private async verdictOf(policyId: string, version: string): Promise<RecordedVerdict> {
    const events = await this.store.readStream(StreamIds.validation(policyId, version));
    const last = events[events.length - 1];
    if (!last) throw new NotFoundError('VALIDATION.NOT_FOUND', `${policyId}@${version} has not been validated`);
    const verdict = { type: last.type, data: last.data } as ValidationEvent;
    return verdict.type === 'BundleValidated' ? { outcome: 'validated', ...verdict.data } : { outcome: 'failed', ...verdict.data };
  }
}
