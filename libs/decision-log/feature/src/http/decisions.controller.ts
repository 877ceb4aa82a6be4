import { Controller, Get, Header, Inject, Param, Query } from '@nestjs/common';
import { NotFoundError } from '@edict/core';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, DecisionDto, Roles } from '@edict/service-kit';
import { DECISION_LOG_CONFIG, type DecisionLogConfig } from '../config/decision-log.config';
import { DecisionLogRepository } from '../store/decision-log.repository';
import { DecisionListDto } from './decision-list.response';
import { DecisionQueryDto } from './decision-query.dto';
import { DECISION_READERS as READERS } from './decision-readers';
import { requireRawStore } from './raw-store.guard';

const RAW_STORE_DISABLED = { 409: 'decision-log keeps no raw decisions (EDICT_DECISION_STORE_RAW=false): DECISION_LOG.RAW_STORE_DISABLED' };

/**
 * Queries over the (masked) decision log; the export is the NDJSON that `edict simulate` replays.
 * In the windows-only mode every one answers 409 DECISION_LOG.RAW_STORE_DISABLED (requireRawStore).
 */
@ApiTags('decisions')
@ApiBearerAuth()
@Controller('v1/decisions')
export class DecisionsController {
  constructor(private readonly decisions: DecisionLogRepository, @Inject(DECISION_LOG_CONFIG) private readonly config: DecisionLogConfig) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Decisions, newest first, filtered by policy, version, effect and time' })
  @ApiProblems(RAW_STORE_DISABLED)
  @ApiOkResponse({ type: DecisionListDto })
  async list(@Query() query: DecisionQueryDto): Promise<DecisionListDto> {
    requireRawStore(this.config);
    return { items: await this.decisions.query({ ...query, limit: query.limit ?? 100 }) };
  }

  @Get('export')
  @Roles(...READERS)
  @Header('content-type', 'application/x-ndjson')
  @ApiOperation({ summary: 'The same, as NDJSON (one decision per line): the format `edict simulate --decisions` reads' })
  @ApiProblems(RAW_STORE_DISABLED)
  @ApiOkResponse({ description: 'one decision (DecisionDto) per line', content: { 'application/x-ndjson': { schema: { type: 'string' } } } })
  async export(@Query() query: DecisionQueryDto): Promise<string> {
    requireRawStore(this.config);
    const items = await this.decisions.query({ ...query, limit: query.limit ?? 1000 });
    return items.map((d) => JSON.stringify(d)).join('\n') + (items.length ? '\n' : '');
  }

  @Get(':decisionId')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One decision by its id, as stored (masked); 404 DECISION.NOT_FOUND' })
  @ApiProblems({ ...RAW_STORE_DISABLED, 404: 'no such decision (DECISION.NOT_FOUND)' })
  @ApiOkResponse({ type: DecisionDto })
  async one(@Param('decisionId') decisionId: string): Promise<DecisionDto> {
    requireRawStore(this.config);
    const decision = await this.decisions.one(decisionId);
    if (!decision) throw new NotFoundError('DECISION.NOT_FOUND', `no decision ${decisionId} in the log (never logged, or past retention)`);
    return decision;
  }
}
