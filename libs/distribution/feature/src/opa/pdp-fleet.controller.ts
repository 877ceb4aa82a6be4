import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiHeader, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@edict/service-kit';
import { AGENT_ID_HEADER, agentIdOf } from './agent-id';
import { parsePdpReport } from './parse-pdp-report';
import { PdpFleetRepository } from './pdp-fleet.repository';

/** Edict PDPs report what they hold (every EDICT_PDP_FLEET_REPORT_MS), so the fleet view shows them beside OPA agents. */
@ApiTags('opa')
@ApiBearerAuth()
@Controller('v1/fleet/pdps')
export class PdpFleetController {
  constructor(private readonly pdps: PdpFleetRepository) {}

  @Post()
  @HttpCode(204)
  @Roles('pdp', 'platform', 'admin')
  @ApiHeader({ name: AGENT_ID_HEADER, required: false, description: "the PDP's name (EDICT_PDP_NAME); the token's subject without it" })
  @ApiOperation({ summary: "A PDP's report: labels, and per policy the revision it serves outside the canary and the canary it holds" })
  @ApiNoContentResponse({ description: 'kept' })
  @ApiBadRequestResponse({ description: 'FLEET.PDP_REPORT_INVALID, OPA.AGENT_ID_INVALID: nothing kept' })
  async report(@Body() body: unknown, @Headers(AGENT_ID_HEADER) agentHeader: string | undefined, @CurrentPrincipal() who: Principal): Promise<void> {
    const report = parsePdpReport(body);
    await this.pdps.save(agentIdOf(agentHeader, who), report, new Date());
  }
}
