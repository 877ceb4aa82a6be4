import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ServingState } from '@edict/contracts';
import { Roles, PolicyIdPipe } from '@edict/service-kit';
import { ServingStateService } from '../handlers/serving-state.service';
import { ReleasesRepository, type Release } from '../store/releases.repository';

/** What decision points pull, and which signed versions may be rolled out. */
@ApiTags('serving')
@ApiBearerAuth()
@Controller('v1')
export class ServingController {
  constructor(private readonly serving: ServingStateService, private readonly releases: ReleasesRepository) {}

  @Get('serving')
  @Roles('pdp', 'platform', 'admin')
  @ApiOperation({ summary: 'Serving state of every policy (signed documents, canary percentage, pin, kill switch)' })
  all(): Promise<ServingState[]> {
    return this.serving.all();
  }

  @Get('serving/:policyId')
  @Roles('pdp', 'platform', 'admin')
  one(@Param('policyId', PolicyIdPipe) policyId: string): Promise<ServingState> {
    return this.serving.of(policyId);
  }

  @Get('releases/:policyId')
  @Roles('author', 'reviewer', 'team-lead', 'security', 'platform', 'oncall', 'auditor', 'admin')
  @ApiOperation({ summary: 'Signed versions whose signature distribution verified: what may be rolled out' })
  async list(@Param('policyId', PolicyIdPipe) policyId: string): Promise<{ items: Release[] }> {
    return { items: await this.releases.list(policyId) };
  }
}
