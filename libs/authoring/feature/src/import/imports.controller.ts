import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@edict/service-kit';
import { ImportBundleDto } from './import-bundle.dto';
import { ImportAnswerDto } from './import-answer.response';
import { ImportBundleHandler } from './import-bundle.handler';

/** `POST /v1/bundles:import` (a custom method on the collection: the colon is literal). */
@ApiTags('bundles')
@ApiBearerAuth()
@Controller()
export class ImportsController {
  constructor(private readonly importBundle: ImportBundleHandler) {}

  @Post('v1/bundles\\:import')
  @Roles('author', 'team-lead', 'security', 'admin')
  @ApiOperation({ summary: 'Import a version exported by another environment; it is drafted here and needs this environment’s validation and approvals' })
  @ApiCreatedResponse({ type: ImportAnswerDto })
  import(@Body() body: ImportBundleDto, @CurrentPrincipal() who: Principal): Promise<ImportAnswerDto> {
    return this.importBundle.handle(body, who);
  }
}
