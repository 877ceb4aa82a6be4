import type { ServerResponse } from 'node:http';
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, isFiltered, readAuditExportText, type EventStore } from '@edict/event-store';
import { Roles } from '@edict/service-kit';
import { parseAuditExportQuery, type AuditExportQuery } from './audit-export-query';

/** Resolves when the socket takes more, or is gone; leaves no listener behind. */
const drained = (response: ServerResponse): Promise<void> =>
  new Promise((resume) => {
    const done = (): void => {
      response.off('drain', done).off('close', done);
      resume();
    };
    response.on('drain', done).on('close', done);
  });

/**
 * The audit export: the global log as NDJSON, one StoredEvent per line in position order, with
 * the hashes and the signed checkpoints (AuditCheckpointSigned events) in place. Streamed from
 * the store in keyset pages with backpressure (readAuditExportText: the Postgres store prints
 * the lines itself): a million events never sit in memory. `after` resumes. `edict audit export` writes it to a file; `edict audit verify` checks it offline.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditExportController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('export')
  @Roles('auditor', 'security', 'admin')
  @ApiProduces('application/x-ndjson')
  @ApiQuery({ name: 'after', required: false, description: 'resume after this position (0 or absent: from genesis)' })
  @ApiQuery({ name: 'policy', required: false, description: "only this policy's streams and events naming it (a selection: not verifiable as a chain)" })
  @ApiQuery({ name: 'category', required: false, description: 'only these stream categories, comma-separated (bundle,rollout,validation,signature,incident,keyring,audit)' })
  @ApiQuery({ name: 'since', required: false, description: 'recordedAt at or after this ISO-8601 time' })
  @ApiQuery({ name: 'until', required: false, description: 'recordedAt before this ISO-8601 time' })
  @ApiOperation({ summary: 'Stream the global log with its hash chain and signed checkpoints (NDJSON, position order)' })
  @ApiOkResponse({ description: 'NDJSON; header x-edict-audit-filtered: true when a filter narrowed it', content: { 'application/x-ndjson': { schema: { type: 'string' } } } })
  @ApiBadRequestResponse({ description: 'AUDIT.INVALID_QUERY, BUNDLE.POLICY_ID_INVALID' })
  @ApiForbiddenResponse({ description: 'not auditor, security or admin' })
  async export(@Query() query: AuditExportQuery, @Res() response: ServerResponse): Promise<void> {
    const options = parseAuditExportQuery(query);
    response.statusCode = 200;
    response.setHeader('content-type', 'application/x-ndjson');
    response.setHeader('x-edict-audit-filtered', String(isFiltered(options)));
    let closed = false;
    response.once('close', () => (closed = true));
    try {
      for await (const chunk of readAuditExportText(this.store, options)) {
        if (closed) return;
        if (!response.write(chunk)) await drained(response);
      }
      response.end();
    } catch (error) {
      // The status line is sent: a store failure mid-stream can only cut the connection, which
      // the client sees as an incomplete chunked body (never as a short but complete export).
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
