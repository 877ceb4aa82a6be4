import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles } from '@edict/service-kit';
import { ExportEnvelopeDto } from './export-envelope.response';
import { ExportRequestDto } from './export-request.dto';
import { ExportVersionHandler } from './export-version.handler';

/** Export envelopes: how a version moves to another environment (`edict bundle export`). */
@ApiTags('signing')
@ApiBearerAuth()
@Controller('v1/exports')
export class ExportsController {
  constructor(private readonly exportVersion: ExportVersionHandler) {}

  @Post()
  @HttpCode(200)
  @Roles('platform', 'security', 'admin')
  @ApiOperation({ summary: 'Export an approved and signed version as a signed envelope (409 EXPORT.NOT_SIGNED otherwise)' })
  @ApiProblems({ 404: 'no such version (EXPORT.VERSION_NOT_FOUND)', 409: 'the version is not approved and signed (EXPORT.NOT_SIGNED)' })
  @ApiOkResponse({ type: ExportEnvelopeDto })
  create(@Body() body: ExportRequestDto): Promise<ExportEnvelopeDto> {
    return this.exportVersion.handle(body.policyId, body.version, body.ttlSeconds);
  }
}
