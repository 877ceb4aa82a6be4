import type { ServerResponse } from 'node:http';
import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PolicyIdPipe, Roles } from '@edict/service-kit';
import { OpaBundleReleaseHandler } from '../opa/opa-bundle-release.handler';

/** OPA's bundle media type (what `opa build` writes is a gzipped tarball). */
export const OPA_BUNDLE_MEDIA_TYPE = 'application/vnd.openpolicyagent.bundles';

/** True when an If-None-Match header names this ETag (quoted or not, weak or not, `*`). */
const matches = (ifNoneMatch: string | undefined, etag: string): boolean =>
  (ifNoneMatch ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1')).some((tag) => tag === '*' || tag === etag);

/** The signed OPA bundle of a released version, for stock opa agents (`services` + `bundles` config) and people. */
@ApiTags('serving')
@ApiBearerAuth()
@Controller('v1/releases')
export class OpaBundleController {
  constructor(private readonly opaBundles: OpaBundleReleaseHandler) {}

  @Get(':policyId/versions/:version/opa-bundle')
  @Roles('pdp', 'platform', 'admin', 'author', 'reviewer', 'team-lead', 'security', 'oncall', 'auditor')
  @ApiProduces(OPA_BUNDLE_MEDIA_TYPE)
  @ApiOperation({ summary: "The version's OPA bundle (.manifest, modules, data.json, .signatures.json), verified against the keyring before it is served; ETag = its digest" })
  @ApiOkResponse({ description: 'the gzipped tarball', content: { [OPA_BUNDLE_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiNotFoundResponse({ description: 'DISTRIBUTION.RELEASE_NOT_FOUND, DISTRIBUTION.OPA_BUNDLE_NOT_FOUND (no spec.rego modules, or the form was skipped: the detail says why)' })
  @ApiConflictResponse({ description: 'DISTRIBUTION.KEY_RETIRED, DISTRIBUTION.UNKNOWN_KEY, DISTRIBUTION.OPA_SIGNATURE_INVALID: not served' })
  async download(
    @Param('policyId', PolicyIdPipe) policyId: string,
    @Param('version') version: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const { tarball, digest } = await this.opaBundles.handle(policyId, version);
    response.setHeader('etag', `"${digest}"`);
    response.setHeader('cache-control', 'no-cache');
    if (matches(ifNoneMatch, digest)) {
      response.statusCode = 304;
      response.end();
      return;
    }
    response.setHeader('content-type', OPA_BUNDLE_MEDIA_TYPE);
    response.setHeader('content-length', tarball.length);
    response.end(tarball);
  }
}
