import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiHeader, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@edict/service-kit';
import { AGENT_ID_HEADER, agentIdOf } from './agent-id';
import { OpaFleetRepository } from './opa-fleet.repository';
import { parseOpaStatus } from './parse-opa-status';

/**
 * OPA's Status API: the status plugin POSTs `<service url>/status/<partition_name>` (`/opa/status/`
 * without a partition) on every bundle or plugin change; the latest report per agent is kept.
 */
@ApiTags('opa')
@ApiBearerAuth()
@Controller('opa/status')
export class OpaStatusController {
  constructor(private readonly fleet: OpaFleetRepository) {}

  @Post(['', '*partition'])
  @HttpCode(204)
  @Roles('pdp', 'platform', 'admin')
  @ApiHeader({ name: AGENT_ID_HEADER, required: false, description: "the agent's id; the token's subject without it" })
  @ApiOperation({ summary: "An OPA status report (labels, bundles{name:{active_revision, last_successful_activation, code, errors…}}, plugins, metrics): the agent's latest" })
  @ApiNoContentResponse({ description: 'kept' })
  @ApiBadRequestResponse({ description: 'OPA.STATUS_INVALID, OPA.AGENT_ID_INVALID: nothing kept' })
  async report(@Body() body: unknown, @Headers(AGENT_ID_HEADER) agentHeader: string | undefined, @CurrentPrincipal() who: Principal): Promise<void> {
    const report = parseOpaStatus(body);
    await this.fleet.saveStatus(agentIdOf(agentHeader, who), report, new Date());
  }
}
