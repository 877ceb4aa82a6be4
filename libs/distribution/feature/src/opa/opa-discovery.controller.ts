import { KeyObject } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { opaSignerFromPrivateKey } from '@edict/opa-bundle';
import { Roles } from '@edict/service-kit';
import { OPA_BUNDLE_MEDIA_TYPE } from '../http/opa-bundle.controller';
import { MANIFEST_KEY, type ManifestKey } from '../manifest/manifest-key';
import { buildDiscoveryBundle, discoveryPolicies } from './discovery-bundle';

const etagMatches = (ifNoneMatch: string | undefined, digest: string): boolean =>
  (ifNoneMatch ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1')).some((tag) => tag === '*' || tag === digest);

/**
 * OPA's discovery: `GET /opa/discovery?policies=<ids>` is a bundle whose `discovery/config` is the
 * agent's configuration (bundles from Edict, status and decision logs back to Edict), signed with
 * distribution's manifest key like the kill-switch bundle. ETag = digest, If-None-Match → 304; no long polling.
 */
@ApiTags('opa')
@ApiBearerAuth()
@Controller('opa/discovery')
export class OpaDiscoveryController {
  private readonly built = new Map<string, ReturnType<typeof buildDiscoveryBundle>>();

  constructor(@Inject(MANIFEST_KEY) private readonly key: ManifestKey) {}

  @Get()
  @Roles('pdp', 'platform', 'admin')
  @ApiProduces(OPA_BUNDLE_MEDIA_TYPE)
  @ApiQuery({ name: 'policies', required: true, description: 'comma-separated policy ids (1-100) whose bundles the agent loads' })
  @ApiOperation({ summary: 'The discovery bundle: an OPA configuration pointing bundles, status and decision_logs at Edict' })
  @ApiOkResponse({ description: 'the signed gzipped tarball', content: { [OPA_BUNDLE_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiBadRequestResponse({ description: 'OPA.DISCOVERY_POLICIES_INVALID' })
  async download(@Query('policies') policies: string | undefined, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res() response: ServerResponse): Promise<void> {
    const bundle = await this.bundleFor(discoveryPolicies(typeof policies === 'string' ? policies : undefined));
    response.setHeader('etag', `"${bundle.digest}"`);
    response.setHeader('cache-control', 'no-cache');
    response.setHeader('x-edict-revision', bundle.revision);
    if (etagMatches(ifNoneMatch, bundle.digest)) {
      response.statusCode = 304;
      return void response.end();
    }
    response.statusCode = 200;
    response.setHeader('content-type', 'application/gzip');
    response.setHeader('content-length', bundle.tarball.length);
    response.end(bundle.tarball);
  }

  private bundleFor(policies: readonly string[]): ReturnType<typeof buildDiscoveryBundle> {
    const id = policies.join(',');
    let bundle = this.built.get(id);
    if (!bundle) {
      const privateKey = this.key.signer.privateKey;
      if (privateKey instanceof Uint8Array) throw new Error('the manifest key is not an asymmetric key');
      bundle = buildDiscoveryBundle(policies, { kid: this.key.signer.kid, alg: 'ES256', sign: opaSignerFromPrivateKey(KeyObject.from(privateKey), 'ES256') });
      if (this.built.size >= 1000) this.built.clear();
      this.built.set(id, bundle);
      bundle.catch(() => this.built.delete(id));
    }
    return bundle;
  }
}
