import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@edict/service-kit';
import { DecisionWindowsRepository } from '../store/decision-windows.repository';
import { DECISION_READERS } from './decision-readers';
import { WindowListDto } from './window-list.response';
import { WindowQueryDto } from './window-query.dto';

/** The closed decision windows: what was (or is about to be) published as DecisionWindowClosed. */
@ApiTags('windows')
@ApiBearerAuth()
@Controller('v1/windows')
export class WindowsController {
  constructor(private readonly windows: DecisionWindowsRepository) {}

  @Get()
  @Roles(...DECISION_READERS)
  @ApiOperation({ summary: 'Closed windows, newest first: counts per policy, version and canary flag, the event id, when closed and published' })
  @ApiOkResponse({ type: WindowListDto })
  async list(@Query() query: WindowQueryDto): Promise<WindowListDto> {
    const { policyId, version, canary, limit } = query;
    const rows = await this.windows.list({
      ...(policyId === undefined ? {} : { policyId }),
      ...(version === undefined ? {} : { version }),
      ...(canary === undefined ? {} : { canary: canary === 'true' }),
      limit: limit ?? 100,
    });
    return { items: rows.map(({ window, ...meta }) => ({ ...window, ...meta })) };
  }
}
