import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PolicyIdPipe, Roles, type Principal } from '@edict/service-kit';
import { TriggerSettingsService } from '../handlers/trigger-settings.service';
import { TriggerSettingsViewDto } from './trigger-settings.response';
import { INCIDENT_READERS } from './incidents.controller';

/** A policy's auto-rollback thresholds and daily cost budget (policy ids URL-encoded in the path). */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('v1/trigger-settings/:policyId')
export class TriggerSettingsController {
  constructor(private readonly settings: TriggerSettingsService) {}

  @Get()
  @Roles(...INCIDENT_READERS)
  @ApiOperation({ summary: "The policy's settings, the environment's, and the thresholds in effect" })
  @ApiOkResponse({ type: TriggerSettingsViewDto })
  get(@Param('policyId', PolicyIdPipe) policyId: string): Promise<TriggerSettingsViewDto> {
    return this.settings.view(policyId);
  }

  @Put()
  @Roles('platform', 'oncall', 'admin')
  @ApiOperation({ summary: 'Replace the policy\'s settings (fields not sent fall back to the environment, then the runbook)' })
  @ApiBody({
    schema: {
      type: 'object', additionalProperties: false,
      properties: {
        minSampleSize: { type: 'integer', minimum: 0 },
        errorRates: { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 4, description: 'decision matrix rows: < 2 h, 2–12 h, 12–24 h, ≥ 24 h' },
        maxDenyRate: { type: 'number' }, maxNoMatchRate: { type: 'number' }, maxCostIncrease: { type: 'number' },
        autoRollbackMaxAgeHours: { type: 'number' }, dailyCostBudget: { type: 'number', nullable: true },
      },
    },
  })
  @ApiOkResponse({ type: TriggerSettingsViewDto })
  put(@Param('policyId', PolicyIdPipe) policyId: string, @Body() body: unknown, @CurrentPrincipal() who: Principal): Promise<TriggerSettingsViewDto> {
    return this.settings.set(policyId, body, who.subject);
  }
}
