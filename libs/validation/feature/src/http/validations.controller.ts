import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StreamIds } from '@edict/contracts';
import { NotFoundError } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { Roles, PolicyIdPipe } from '@edict/service-kit';

/** The verdict validation recorded for a version, with its problems. */
@ApiTags('validations')
@ApiBearerAuth()
@Controller('v1/validations')
export class ValidationsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':policyId/versions/:version')
  @Roles('author', 'reviewer', 'team-lead', 'security', 'platform', 'oncall', 'auditor', 'admin')
  async verdict(@Param('policyId', PolicyIdPipe) policyId: string, @Param('version') version: string): Promise<Record<string, unknown>> {
    const events = await this.store.readStream(StreamIds.validation(policyId, version));
    const last = events[events.length - 1];
    if (!last) throw new NotFoundError('VALIDATION.NOT_FOUND', `${policyId}@${version} has not been validated`);
    return { outcome: last.type === 'BundleValidated' ? 'validated' : 'failed', ...(last.data as Record<string, unknown>) };
  }
}
