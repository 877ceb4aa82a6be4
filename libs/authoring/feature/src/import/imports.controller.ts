import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@edict/service-kit';
import { ImportBundleDto } from './import-bundle.dto';
import { ImportBundleHandler, type ImportAnswer } from './import-bundle.handler';

/** `POST /v1/bundles:import` (a custom method on the collection: the colon is literal). */
@ApiTags('bundles')
@ApiBearerAuth()
@Controller()
export class ImportsController {
  constructor(private readonly importBundle: ImportBundleHandler) {}

  @Post('v1/bundles\\:import')
  @Roles('author', 'team-lead', 'security', 'admin')
  @ApiOperation({ summary: 'Import a version exported by another environment; it is drafted here and needs this environment’s validation and approvals' })
  import(@Body() body: ImportBundleDto, @CurrentPrincipal() who: Principal): Promise<ImportAnswer> {
    return this.importBundle.handle(body, who);
  }
}
