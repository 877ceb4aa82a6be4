import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, NoBodyPipe, Roles, type Principal, PolicyIdPipe } from '@edict/service-kit';
import { BundleCommandsService } from '../handlers/bundle-commands.service';
import { ApproveBundleDto, BundleDocumentDto } from './bundle-document.dto';

/** Policy ids contain '/': clients URL-encode them in the path (`org%2Fnetwork`). */
@ApiTags('bundles')
@ApiBearerAuth()
@Controller('v1/bundles')
export class BundlesController {
  constructor(private readonly bundles: BundleCommandsService) {}

  @Post()
  @Roles('author', 'team-lead', 'security', 'admin')
  @ApiOperation({ summary: 'Draft a new version (the document names its policy and version)' })
  draft(@Body() body: BundleDocumentDto, @CurrentPrincipal() who: Principal): Promise<Record<string, unknown>> {
    return this.bundles.draft(body, who);
  }

  @Put(':policyId/versions/:version')
  @Roles('author', 'team-lead', 'security', 'admin')
  @ApiOperation({ summary: 'Replace the document of a draft' })
  revise(
    @Param('policyId', PolicyIdPipe) policyId: string,
    @Param('version') version: string,
    @Body() body: BundleDocumentDto,
    @CurrentPrincipal() who: Principal,
  ): Promise<Record<string, unknown>> {
    return this.bundles.revise(policyId, version, body, who);
  }

  @Post(':policyId/versions/:version/submit')
  @HttpCode(200)
  @Roles('author', 'team-lead', 'security', 'admin')
  @ApiOperation({ summary: 'Submit a draft for validation and approval; it is immutable from now on' })
  submit(
    @Param('policyId', PolicyIdPipe) policyId: string,
    @Param('version') version: string,
    @Body(NoBodyPipe) _body: undefined,
    @CurrentPrincipal() who: Principal,
  ): Promise<Record<string, unknown>> {
    return this.bundles.submit(policyId, version, who);
  }

  @Post(':policyId/versions/:version/approve')
  @HttpCode(200)
  @Roles('reviewer', 'team-lead', 'security', 'platform', 'admin')
  @ApiOperation({ summary: 'Approve a validated version (distinct approvers, never the author, the roles its tier requires)' })
  approve(
    @Param('policyId', PolicyIdPipe) policyId: string,
    @Param('version') version: string,
    @Body() body: ApproveBundleDto,
    @CurrentPrincipal() who: Principal,
  ): Promise<Record<string, unknown>> {
    return this.bundles.approve(policyId, version, who, body.comment);
  }

  @Get(':policyId')
  @Roles('author', 'reviewer', 'team-lead', 'security', 'platform', 'oncall', 'auditor', 'admin')
  line(@Param('policyId', PolicyIdPipe) policyId: string): Promise<Record<string, unknown>> {
    return this.bundles.line(policyId);
  }

  @Get(':policyId/versions/:version')
  @Roles('author', 'reviewer', 'team-lead', 'security', 'platform', 'oncall', 'auditor', 'admin')
  version(@Param('policyId', PolicyIdPipe) policyId: string, @Param('version') version: string): Promise<Record<string, unknown>> {
    return this.bundles.version(policyId, version);
  }
}
