import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { IncidentState } from '@edict/incident-response-domain';
import { CurrentPrincipal, NoBodyPipe, Roles, type Principal } from '@edict/service-kit';
import { IncidentCommandsService } from '../handlers/incident-commands.service';
import { IncidentsRepository } from '../store/incidents.repository';

class ResolveIncidentDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) resolution!: string;
}

class IncidentQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'acknowledged', 'resolved'] })
  @IsOptional()
  @IsIn(['open', 'acknowledged', 'resolved'])
  status?: string;
}

const READERS = ['oncall', 'platform', 'security', 'team-lead', 'auditor', 'admin'] as const;

/** Incidents opened by auto-rollback triggers: list, read, acknowledge, resolve. */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('v1/incidents')
export class IncidentsController {
  constructor(private readonly commands: IncidentCommandsService, private readonly incidents: IncidentsRepository) {}

  @Get()
  @Roles(...READERS)
  async list(@Query() query: IncidentQueryDto): Promise<{ items: Record<string, unknown>[] }> {
    return { items: await this.incidents.list(query.status) };
  }

  @Get(':id')
  @Roles(...READERS)
  get(@Param('id') id: string): Promise<IncidentState> {
    return this.commands.get(id);
  }

  @Post(':id/acknowledge') @HttpCode(200) @Roles('oncall', 'platform', 'admin')
  @ApiOperation({ summary: 'Acknowledge (runbook: within 15 minutes of an auto-rollback)' })
  acknowledge(@Param('id') id: string, @Body(NoBodyPipe) _body: undefined, @CurrentPrincipal() who: Principal): Promise<IncidentState> {
    return this.commands.acknowledge(id, who.subject);
  }

  @Post(':id/resolve') @HttpCode(200) @Roles('oncall', 'platform', 'admin')
  resolve(@Param('id') id: string, @Body() body: ResolveIncidentDto, @CurrentPrincipal() who: Principal): Promise<IncidentState> {
    return this.commands.resolve(id, who.subject, body.resolution);
  }
}
