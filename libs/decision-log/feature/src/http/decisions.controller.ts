import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import type { DecisionLogged } from '@edict/contracts';
import { NotFoundError } from '@edict/core';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@edict/service-kit';
import { DecisionLogRepository } from '../store/decision-log.repository';
import { DecisionQueryDto } from './decision-query.dto';
import { DECISION_READERS as READERS } from './decision-readers';

/** Queries over the (masked) decision log; the export is the NDJSON that `edict simulate` replays. */
@ApiTags('decisions')
@ApiBearerAuth()
@Controller('v1/decisions')
export class DecisionsController {
  constructor(private readonly decisions: DecisionLogRepository) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Decisions, newest first, filtered by policy, version, effect and time' })
  async list(@Query() query: DecisionQueryDto): Promise<{ items: unknown[] }> {
    return { items: await this.decisions.query({ ...query, limit: query.limit ?? 100 }) };
  }

  @Get('export')
  @Roles(...READERS)
  @Header('content-type', 'application/x-ndjson')
  @ApiOperation({ summary: 'The same, as NDJSON (one decision per line): the format `edict simulate --decisions` reads' })
  async export(@Query() query: DecisionQueryDto): Promise<string> {
    const items = await this.decisions.query({ ...query, limit: query.limit ?? 1000 });
    return items.map((d) => JSON.stringify(d)).join('\n') + (items.length ? '\n' : '');
  }

  @Get(':decisionId')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One decision by its id, as stored (masked); 404 DECISION.NOT_FOUND' })
  async one(@Param('decisionId') decisionId: string): Promise<DecisionLogged['data']> {
    const decision = await this.decisions.one(decisionId);
    if (!decision) throw new NotFoundError('DECISION.NOT_FOUND', `no decision ${decisionId} in the log (never logged, or past retention)`);
    return decision;
  }
}
