import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@edict/service-kit';
import { BundleRegistryHandler } from '../registry/bundle-registry.handler';
import { ReviewQueryDto } from './registry-query.dto';
import { PolicyListDto, ReviewListDto } from './registry.response';

export const READERS = ['author', 'reviewer', 'team-lead', 'security', 'platform', 'oncall', 'auditor', 'admin'] as const;

/** The registry of policies, and the reviews that emergency approvals leave open. */
@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1')
export class RegistryController {
  constructor(private readonly registry: BundleRegistryHandler) {}

  @Get('policies')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Every policy: id, tier, latest version, the status of each version (serving: `bundle status`)' })
  @ApiOkResponse({ type: PolicyListDto })
  policies(): Promise<PolicyListDto> {
    return this.registry.policies();
  }

  @Get('reviews')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Follow-up reviews of emergency approvals (default: the open ones)' })
  @ApiOkResponse({ type: ReviewListDto })
  reviews(@Query() query: ReviewQueryDto): Promise<ReviewListDto> {
    return this.registry.reviews(query.status ?? 'open');
  }
}
