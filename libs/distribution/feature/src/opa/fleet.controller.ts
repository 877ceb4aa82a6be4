import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@edict/service-kit';
import { FleetViewHandler } from './fleet-view.handler';
import { FleetViewDto } from './fleet.response';

/** The fleet view: OPA agents, what they run, what they should run, their errors and staleness. */
@ApiTags('opa')
@ApiBearerAuth()
@Controller('v1/fleet')
export class FleetController {
  constructor(private readonly fleet: FleetViewHandler) {}

  @Get()
  @Roles('author', 'reviewer', 'team-lead', 'security', 'platform', 'oncall', 'auditor', 'admin')
  @ApiOperation({ summary: 'Every OPA agent: labels, per policy the active, expected and served revision, last activation and errors, last seen, stale' })
  @ApiOkResponse({ type: FleetViewDto })
  view(): Promise<FleetViewDto> {
    return this.fleet.view();
  }
}
