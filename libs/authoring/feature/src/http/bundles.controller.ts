import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentPrincipal, NoBodyPipe, Roles, type Principal, PolicyIdPipe } from '@edict/service-kit';
import { BundleCommandsService } from '../handlers/bundle-commands.service';
import { BundleRegistryHandler } from '../registry/bundle-registry.handler';
import { VersionStatusHandler } from '../status/version-status.handler';
import { ApproveBundleDto, BundleDocumentDto, ConfirmEmergencyDto } from './bundle-document.dto';
import { BundleListQueryDto } from './registry-query.dto';
import { READERS } from './registry.controller';
import { BundleLineDto, BundleListDto, VersionSummaryDto, VersionViewDto } from './bundle-version.response';
import { DraftAnswerDto } from './draft-answer.response';
import { VersionStatusDto } from './version-status.response';

/** Policy ids contain '/': clients URL-encode them in the path (`org%2Fnetwork`). */
@ApiTags('bundles')
@ApiBearerAuth()
@Controller('v1/bundles')
export class BundlesController {
  constructor(
    private readonly bundles: BundleCommandsService,
    private readonly registry: BundleRegistryHandler,
    private readonly statuses: VersionStatusHandler,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Versions of one policy (`policyId`), or of every policy; paginated (`limit`, `offset`)' })
  @ApiProblems({ 404: 'no bundles for this policyId (BUNDLE.POLICY_NOT_FOUND)' })
  @ApiOkResponse({ type: BundleListDto })
  list(@Query() query: BundleListQueryDto): Promise<BundleListDto> {
    return this.registry.bundles(query.policyId === undefined ? undefined : new PolicyIdPipe().transform(query.policyId), { limit: query.limit ?? 100, offset: query.offset ?? 0 });
  }

  @Post()
  @Roles('author', 'team-lead', 'security', 'admin')
  @ApiOperation({ summary: 'Draft a new version (the document names its policy and version)' })
  @ApiProblems({ 409: 'the version exists or is not above the latest (BUNDLE.VERSION_REUSED, …)', 422: 'the document has errors (BUNDLE.INVALID_DOCUMENT, each located)' })
  @ApiCreatedResponse({ type: DraftAnswerDto })
  draft(@Body() body: BundleDocumentDto, @CurrentPrincipal() who: Principal): Promise<DraftAnswerDto> {
    return this.bundles.draft(body, who);
  }

  @Put(':policyId/versions/:version')
  @Roles('author', 'team-lead', 'security', 'admin')
  @ApiOperation({ summary: 'Replace the document of a draft' })
  @ApiProblems({ 404: 'no such policy or version', 409: 'the version is no longer a draft', 422: 'the document has errors (BUNDLE.INVALID_DOCUMENT)' })
  @ApiOkResponse({ type: DraftAnswerDto })
  revise(
    @Param('policyId', PolicyIdPipe) policyId: string,
    @Param('version') version: string,
    @Body() body: BundleDocumentDto,
    @CurrentPrincipal() who: Principal,
  ): Promise<DraftAnswerDto> {
    return this.bundles.revise(policyId, version, body, who);
  }

  @Post(':policyId/versions/:version/submit')
  @HttpCode(200)
  @Roles('author', 'team-lead', 'security', 'admin')
  @ApiOperation({ summary: 'Submit a draft for validation and approval; it is immutable from now on' })
  @ApiProblems({ 404: 'no such policy or version', 409: 'the version is not a draft' })
  @ApiOkResponse({ type: VersionSummaryDto })
  submit(
    @Param('policyId', PolicyIdPipe) policyId: string,
    @Param('version') version: string,
    @Body(NoBodyPipe) _body: undefined,
    @CurrentPrincipal() who: Principal,
  ): Promise<VersionSummaryDto> {
    return this.bundles.submit(policyId, version, who);
  }

  @Post(':policyId/versions/:version/approve')
  @HttpCode(200)
  @Roles('reviewer', 'team-lead', 'security', 'platform', 'admin')
  @ApiOperation({ summary: 'Approve a validated version (distinct approvers, never an author, the roles its tier requires; `emergency` + `reason`: a security approver alone)' })
  @ApiProblems({ 404: 'no such policy or version', 409: 'the version is not validated, or already approved by this person' })
  @ApiOkResponse({ type: VersionSummaryDto })
  approve(
    @Param('policyId', PolicyIdPipe) policyId: string,
    @Param('version') version: string,
    @Body() body: ApproveBundleDto,
    @CurrentPrincipal() who: Principal,
  ): Promise<VersionSummaryDto> {
    return this.bundles.approve(policyId, version, who, body.comment, body.emergency === true ? { reason: body.reason ?? '' } : undefined);
  }

  @Post(':policyId/versions/:version/confirm-emergency')
  @HttpCode(200)
  @Roles('reviewer', 'team-lead', 'security', 'platform', 'admin')
  @ApiOperation({ summary: 'Close the follow-up review of an emergency approval (a second approver: not an author, not the emergency approver)' })
  @ApiProblems({ 404: 'no such policy or version', 409: 'no open emergency review for this version' })
  @ApiOkResponse({ type: VersionSummaryDto })
  confirmEmergency(
    @Param('policyId', PolicyIdPipe) policyId: string,
    @Param('version') version: string,
    @Body() body: ConfirmEmergencyDto,
    @CurrentPrincipal() who: Principal,
  ): Promise<VersionSummaryDto> {
    return this.bundles.confirmEmergency(policyId, version, who, body.comment);
  }

  @Get(':policyId')
  @Roles('author', 'reviewer', 'team-lead', 'security', 'platform', 'oncall', 'auditor', 'admin')
  @ApiProblems({ 404: 'no such policy' })
  @ApiOkResponse({ type: BundleLineDto })
  line(@Param('policyId', PolicyIdPipe) policyId: string): Promise<BundleLineDto> {
    return this.bundles.line(policyId);
  }

  @Get(':policyId/versions/:version')
  @Roles('author', 'reviewer', 'team-lead', 'security', 'platform', 'oncall', 'auditor', 'admin')
  @ApiProblems({ 404: 'no such policy or version' })
  @ApiOkResponse({ type: VersionViewDto })
  version(@Param('policyId', PolicyIdPipe) policyId: string, @Param('version') version: string): Promise<VersionViewDto> {
    return this.bundles.version(policyId, version);
  }

  @Get(':policyId/versions/:version/status')
  @Roles(...READERS)
  @ApiOperation({ summary: "A version's whole status: lifecycle, validation report, approvals granted and missing, emergency review, signature, serving" })
  @ApiProblems({ 404: 'no such policy or version' })
  @ApiOkResponse({ type: VersionStatusDto })
  status(@Param('policyId', PolicyIdPipe) policyId: string, @Param('version') version: string): Promise<VersionStatusDto> {
    return this.statuses.status(policyId, version);
  }
}
