import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { incidentTimeline, type RecordedIncidentEvent } from '@edict/incident-response-domain';
import { ApiProblems, CurrentPrincipal, NoBodyPipe, Roles, type Principal } from '@edict/service-kit';
import { IncidentCommandsService } from '../handlers/incident-commands.service';
import { IncidentsRepository } from '../store/incidents.repository';
import { IncidentListDto } from './incident-list.response';
import { IncidentDto, IncidentViewDto } from './incident.response';

class ResolveIncidentDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) resolution!: string;
}

class IncidentQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'acknowledged', 'resolved'] })
  @IsOptional()
  @IsIn(['open', 'acknowledged', 'resolved'])
  status?: string;
}

export const INCIDENT_READERS = ['oncall', 'platform', 'security', 'team-lead', 'auditor', 'admin'] as const;

/** Incidents (auto-rollback triggers, budget alerts, manual rollbacks): list, show with the timeline, acknowledge, resolve. */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('v1/incidents')
export class IncidentsController {
  constructor(private readonly commands: IncidentCommandsService, private readonly incidents: IncidentsRepository) {}

  @Get()
  @Roles(...INCIDENT_READERS)
  @ApiOkResponse({ type: IncidentListDto })
  async list(@Query() query: IncidentQueryDto): Promise<IncidentListDto> {
    return { items: await this.incidents.list(query.status) };
  }

  @Get(':id')
  @Roles(...INCIDENT_READERS)
  @ApiOperation({ summary: 'The incident, its timeline (every event with its time; MTTR) and impact' })
  @ApiProblems({ 404: 'no such incident (INCIDENT.NOT_FOUND)' })
  @ApiOkResponse({ type: IncidentViewDto })
  async get(@Param('id') id: string): Promise<IncidentViewDto> {
    const events = await this.commands.history(id);
    const state = await this.commands.get(id);
    const timeline = incidentTimeline(events.map((e) => ({ type: e.type, data: e.data, recordedAt: e.recordedAt }) as RecordedIncidentEvent));
    return { ...state, timeline, impact: { decisionsAffected: state.decisionsAffected, canaryShare: state.canaryShare } };
  }

  @Post(':id/acknowledge') @HttpCode(200) @Roles('oncall', 'platform', 'admin')
  @ApiOperation({ summary: 'Acknowledge (runbook: within 15 minutes of an auto-rollback)' })
  @ApiProblems({ 404: 'no such incident (INCIDENT.NOT_FOUND)', 409: 'already acknowledged or resolved' })
  @ApiOkResponse({ type: IncidentDto })
  acknowledge(@Param('id') id: string, @Body(NoBodyPipe) _body: undefined, @CurrentPrincipal() who: Principal): Promise<IncidentDto> {
    return this.commands.acknowledge(id, who.subject);
  }

  @Post(':id/resolve') @HttpCode(200) @Roles('oncall', 'platform', 'admin')
  @ApiProblems({ 404: 'no such incident (INCIDENT.NOT_FOUND)', 409: 'already resolved' })
  @ApiOkResponse({ type: IncidentDto })
  resolve(@Param('id') id: string, @Body() body: ResolveIncidentDto, @CurrentPrincipal() who: Principal): Promise<IncidentDto> {
    return this.commands.resolve(id, who.subject, body.resolution);
  }
}
