import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentPrincipal, Roles, type Principal } from '@edict/service-kit';
import { AGENT_ID_HEADER, agentIdOf } from './agent-id';
import { OpaLogsIngest } from './opa-logs.ingest';

/**
 * OPA's Decision Log API: point a stock opa's `decision_logs.service` at a service whose `url` is
 * `<decision-log>/opa` (OPA posts to `<url>/logs`). The edge reads the gzip body under the 1 MiB
 * limit on the DECOMPRESSED bytes (413 `REQUEST.TOO_LARGE`: a gzip bomb stops there) and the JSON
 * structure limits, before this handler runs.
 */
@ApiTags('opa')
@ApiBearerAuth()
@Controller('opa')
export class OpaLogsController {
  constructor(private readonly ingest: OpaLogsIngest) {}

  @Post('logs')
  @HttpCode(204)
  @Roles('pdp')
  @ApiOperation({ summary: "Decision logs from OPA's decision_logs plugin (gzip JSON array of events), published as DecisionLogged once Kafka acknowledges them" })
  @ApiNoContentResponse({ description: 'every event published (or outside edict/ and skipped)' })
  @ApiBadRequestResponse({ description: 'OPA_LOGS.NOT_AN_ARRAY, OPA_LOGS.EVENT_INVALID (details.index, details.fields), REQUEST.MALFORMED_JSON, OPA.AGENT_ID_INVALID: nothing published' })
  @ApiPayloadTooLargeResponse({ description: 'REQUEST.TOO_LARGE (over 1 MiB decompressed), REQUEST.TOO_MANY_MEMBERS: nothing published' })
  @ApiProblems({ 415: 'not application/json, or not gzip (REQUEST.UNSUPPORTED_MEDIA_TYPE)' })
  @ApiServiceUnavailableResponse({ description: 'Kafka did not acknowledge: OPA keeps the chunk and retries' })
  async logs(@Body() body: unknown, @Headers(AGENT_ID_HEADER) agentHeader: string | undefined, @CurrentPrincipal() who: Principal): Promise<void> {
    const agentId = agentIdOf(agentHeader, who.subject);
    await this.ingest.ingest(body, agentId);
  }
}
