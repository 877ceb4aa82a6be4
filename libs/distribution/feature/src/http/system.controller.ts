import { Body, Controller, Get, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@edict/service-kit';
import { SystemKillSwitchService } from '../handlers/system-kill-switch.service';
import { EMERGENCY_HEADER, requireEmergencyHeader } from './emergency-header';
import { OVERRIDE_HEADER } from './override-header';
import { SystemDisableDto, SystemEnableDto } from './system.dto';
import { SystemChangeDto, SystemStatusDto } from './system.response';

const headerDoc = { name: 'X-Emergency-Override', required: true, description: `must be "true" (${OVERRIDE_HEADER}: true is accepted too)` };

/** The system-wide kill switch (runbook: "Rollback Not Working"). */
@ApiTags('system')
@ApiBearerAuth()
@Controller('v1/system')
export class SystemController {
  constructor(private readonly system: SystemKillSwitchService) {}

  @Post('disable') @HttpCode(200) @Roles('admin') @ApiHeader(headerDoc)
  @ApiOperation({ summary: 'Disable every policy (or the ones listed): decision points answer fail-open or fail-closed' })
  @ApiOkResponse({ type: SystemChangeDto })
  disable(@Body() body: SystemDisableDto, @Headers(EMERGENCY_HEADER) emergency: string | undefined, @Headers(OVERRIDE_HEADER) legacy: string | undefined, @CurrentPrincipal() who: Principal): Promise<SystemChangeDto> {
    requireEmergencyHeader(emergency, legacy);
    return this.system.disable(who, body.mode, body.reason, body.policies);
  }

  @Post('enable') @HttpCode(200) @Roles('admin') @ApiHeader(headerDoc)
  @ApiOperation({ summary: 'Undo the system-wide disable (policies disabled on their own stay disabled)' })
  @ApiOkResponse({ type: SystemChangeDto })
  enable(@Body() body: SystemEnableDto, @Headers(EMERGENCY_HEADER) emergency: string | undefined, @Headers(OVERRIDE_HEADER) legacy: string | undefined, @CurrentPrincipal() who: Principal): Promise<SystemChangeDto> {
    requireEmergencyHeader(emergency, legacy);
    return this.system.enable(who, body.reason, body.policies);
  }

  @Get('status') @Roles('author', 'reviewer', 'team-lead', 'security', 'platform', 'oncall', 'auditor', 'admin')
  @ApiOperation({ summary: 'Each rolled-out policy and its kill switch' })
  @ApiOkResponse({ type: SystemStatusDto })
  status(): Promise<SystemStatusDto> {
    return this.system.status();
  }
}
