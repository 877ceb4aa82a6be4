import type { ServerResponse } from 'node:http';
import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiHeader, ApiNotModifiedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, PolicyIdPipe } from '@edict/service-kit';
import type { ServingDocument } from '../handlers/serving-documents';
import { ServingProjection } from '../handlers/serving-projection';
import { ReleasesRepository } from '../store/releases.repository';
import { servingWait } from './serving-wait';
import { ReleaseListDto } from './release-list.response';
import { ServingStateDto } from './serving.response';

const PREFER = { name: 'prefer', required: false, description: 'wait=N (1..EDICT_OPA_MAX_WAIT_SECONDS, default 300): with a current If-None-Match, hold the request until the document changes (200) or N seconds pass (304)' };
const IF_NONE_MATCH = { name: 'if-none-match', required: false, description: 'the ETag last received: 304 while it is current' };

const matches = (ifNoneMatch: string | undefined, etag: string): boolean =>
  (ifNoneMatch ?? '').split(',').map((tag) => tag.trim()).some((tag) => tag === '*' || tag === etag);

/**
 * What decision points pull, and which signed versions may be rolled out. The serving documents
 * come from ServingProjection (built once per change); each carries a strong ETag. With
 * `If-None-Match` still current the answer is 304, and with `Prefer: wait=N` as well the request
 * is held until the document changes (answered at once) or N seconds pass (304).
 */
@ApiTags('serving')
@ApiBearerAuth()
@Controller('v1')
export class ServingController {
  constructor(private readonly serving: ServingProjection, private readonly releases: ReleasesRepository) {}

  @Get('serving')
  @Roles('pdp', 'platform', 'admin')
  @ApiHeader(PREFER)
  @ApiHeader(IF_NONE_MATCH)
  @ApiOperation({ summary: 'Serving state of every rolled-out policy (signed documents, canary percentage, pin, kill switch); ETag, If-None-Match → 304, Prefer: wait=N long polls' })
  @ApiOkResponse({ type: [ServingStateDto], description: 'in policy id order' })
  @ApiNotModifiedResponse({ description: 'If-None-Match is current (after the wait, when one was asked for)' })
  @ApiBadRequestResponse({ description: 'SERVING.PREFER_WAIT_INVALID' })
  all(@Headers('prefer') prefer: string | undefined, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res() response: ServerResponse): Promise<void> {
    return this.answer(() => this.serving.everything(), prefer, ifNoneMatch, response);
  }

  @Get('serving/:policyId')
  @Roles('pdp', 'platform', 'admin')
  @ApiHeader(PREFER)
  @ApiHeader(IF_NONE_MATCH)
  @ApiOperation({ summary: 'Serving state of one policy; ETag, If-None-Match → 304, Prefer: wait=N long polls' })
  @ApiOkResponse({ type: ServingStateDto })
  @ApiNotModifiedResponse({ description: 'If-None-Match is current (after the wait, when one was asked for)' })
  @ApiBadRequestResponse({ description: 'SERVING.PREFER_WAIT_INVALID, BUNDLE.POLICY_ID_INVALID' })
  one(
    @Param('policyId', PolicyIdPipe) policyId: string,
    @Headers('prefer') prefer: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() response: ServerResponse,
  ): Promise<void> {
    return this.answer(() => this.serving.document(policyId), prefer, ifNoneMatch, response);
  }

  @Get('releases/:policyId')
  @Roles('author', 'reviewer', 'team-lead', 'security', 'platform', 'oncall', 'auditor', 'admin')
  @ApiOperation({ summary: 'Signed versions whose signature distribution verified: what may be rolled out' })
  @ApiOkResponse({ type: ReleaseListDto })
  async list(@Param('policyId', PolicyIdPipe) policyId: string): Promise<ReleaseListDto> {
    return { items: await this.releases.list(policyId) };
  }

  private async answer(read: () => Promise<ServingDocument>, prefer: string | undefined, ifNoneMatch: string | undefined, response: ServerResponse): Promise<void> {
    const wait = servingWait(prefer);
    const gone = new AbortController();
    response.once('close', () => gone.abort());
    const deadline = Date.now() + (wait ?? 0) * 1000;
    for (;;) {
      const seen = this.serving.documents.seen();
      const document = await read();
      if (!matches(ifNoneMatch, document.etag)) return this.send(response, document, 200);
      const left = deadline - Date.now();
      if (wait === undefined || left <= 0 || gone.signal.aborted || !(await this.serving.documents.wait(seen, left, gone.signal))) return this.send(response, document, 304);
    }
  }

  private send(response: ServerResponse, document: ServingDocument, status: 200 | 304): void {
    if (response.writableEnded || response.destroyed) return;
    response.statusCode = status;
    response.setHeader('etag', document.etag);
    response.setHeader('cache-control', 'no-cache');
    if (status === 304) return void response.end();
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.setHeader('content-length', Buffer.byteLength(document.body));
    response.end(document.body);
  }
}
