import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EXCEPTION_ID_PATTERN } from '@edict/contracts';
import { ValidationError, type Clock } from '@edict/core';
import { CLOCK } from '@edict/messaging';
import { ApiProblems, CurrentPrincipal, Roles, type Principal } from '@edict/service-kit';
import { READERS } from '../http/registry.controller';
import { ChangeExceptionHandler } from './change-exception.handler';
import { ApproveExceptionDto, ExceptionListQueryDto, RequestExceptionDto, RevokeExceptionDto } from './exception.dto';
import { ExceptionDto, ExceptionListDto } from './exception.response';
import { exceptionView } from './exception-view';
import { ExceptionsReader } from './exceptions.reader';
import { listExceptions } from './list-exceptions';
import { RequestExceptionHandler } from './request-exception.handler';

const idOf = (id: string): string => {
  if (!EXCEPTION_ID_PATTERN.test(id)) throw new ValidationError('EXCEPTION.ID_INVALID', `not an exception id (EXC-001): "${id}"`);
  return id;
};

/** Exceptions (docs/exceptions.md): request, approve, revoke, list, show. Decision points read them too (`pdp`). */
@ApiTags('exceptions')
@ApiBearerAuth()
@Controller('v1/exceptions')
export class ExceptionsController {
  constructor(
    private readonly requests: RequestExceptionHandler,
    private readonly changes: ChangeExceptionHandler,
    private readonly reader: ExceptionsReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('author', 'team-lead', 'security', 'platform', 'oncall', 'admin')
  @ApiOperation({ summary: "Request an exception: one rule of one policy does not match for a resource glob until `expiresAt` (at most the tier's maximum); applies once approved" })
  @ApiProblems({ 404: 'no such policy', 409: 'the id is taken (EXCEPTION.ID_TAKEN)', 422: 'no version of the policy has the rule (EXCEPTION.RULE_NOT_FOUND), or the expiry is beyond the tier maximum' })
  @ApiCreatedResponse({ type: ExceptionDto })
  request(@Body() body: RequestExceptionDto, @CurrentPrincipal() who: Principal): Promise<ExceptionDto> {
    return this.requests.request(body, who);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('team-lead', 'security', 'platform')
  @ApiOperation({ summary: "Approve (one of the tier's approvers: org security or platform, team and project a team lead of the team; never the requester)" })
  @ApiProblems({ 404: 'no such exception (EXCEPTION.NOT_FOUND)', 409: 'not awaiting approval, or expired (EXCEPTION.*)' })
  @ApiOkResponse({ type: ExceptionDto })
  approve(@Param('id') id: string, @Body() _body: ApproveExceptionDto, @CurrentPrincipal() who: Principal): Promise<ExceptionDto> {
    return this.changes.approve(idOf(id), who);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles('author', 'team-lead', 'security', 'platform', 'oncall', 'admin')
  @ApiOperation({ summary: 'Revoke with a reason (the requester, an approver of the tier, or an admin)' })
  @ApiProblems({ 404: 'no such exception (EXCEPTION.NOT_FOUND)', 409: 'revoked or expired already, or no reason (EXCEPTION.*)' })
  @ApiOkResponse({ type: ExceptionDto })
  revoke(@Param('id') id: string, @Body() body: RevokeExceptionDto, @CurrentPrincipal() who: Principal): Promise<ExceptionDto> {
    return this.changes.revoke(idOf(id), body.reason, who);
  }

  @Get()
  @Roles(...READERS, 'pdp')
  @ApiOperation({ summary: 'Exceptions, filtered by `policyId`, `status` (`active`: approved and not expired now) and `expiring` (`7d`: expiring within 7 days)' })
  @ApiOkResponse({ type: ExceptionListDto })
  async list(@Query() query: ExceptionListQueryDto): Promise<ExceptionListDto> {
    return { items: listExceptions(await this.reader.all(), query, this.clock.now()) };
  }

  @Get(':id')
  @Roles(...READERS, 'pdp')
  @ApiOperation({ summary: 'One exception and where it stands' })
  @ApiProblems({ 404: 'no such exception (EXCEPTION.NOT_FOUND)' })
  @ApiOkResponse({ type: ExceptionDto })
  async one(@Param('id') id: string): Promise<ExceptionDto> {
    return exceptionView(await this.reader.one(idOf(id)), this.clock.now());
  }
}
