import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ValidationError } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { Roles } from '@edict/service-kit';

const MAX_LIMIT = 10_000;

const wholeNumber = (raw: string | undefined, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number => {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,15}$/.test(raw) || Number(raw) > max) {
    throw new ValidationError('AUDIT.INVALID_QUERY', `${name} must be a whole number from 0 to ${max}`, { [name]: raw });
  }
  return Number(raw);
};

/**
 * The audit export: the global log as NDJSON, one StoredEvent per line in position order, with
 * the hashes and the signed checkpoints (AuditCheckpointSigned events) in place. `edict audit
 * export` pages through it; `edict audit verify` checks the file offline.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditExportController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('export')
  @Roles('auditor', 'security', 'admin')
  @Header('content-type', 'application/x-ndjson')
  @ApiQuery({ name: 'after', required: false, description: 'position to start after (0: from genesis)' })
  @ApiQuery({ name: 'limit', required: false, description: `events per page, at most ${MAX_LIMIT}` })
  @ApiOperation({ summary: 'Export the global log with its hash chain and signed checkpoints (NDJSON, position order)' })
  async export(@Query('after') after?: string, @Query('limit') limit?: string): Promise<string> {
    const events = await this.store.readAll({ after: wholeNumber(after, 'after', 0), limit: wholeNumber(limit, 'limit', MAX_LIMIT, MAX_LIMIT) || MAX_LIMIT });
    return events.map((event) => `${JSON.stringify(event)}\n`).join('');
  }
}
