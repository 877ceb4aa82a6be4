import type { ServerResponse } from 'node:http';
import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { tierOfPolicyId } from '@edict/contracts';
import { CurrentPrincipal, Roles, type Principal } from '@edict/service-kit';
import { OPA_BUNDLE_MEDIA_TYPE } from '../http/opa-bundle.controller';
import { AGENT_ID_HEADER, agentIdOf } from './agent-id';
import { AgentBundleHandler, type AgentBundle } from './agent-bundle.handler';
import { OpaFleetRepository } from './opa-fleet.repository';
import { maxWaitSeconds, preferWait } from './prefer-wait';
import { RolloutChanges } from './rollout-changes';

const etagMatches = (ifNoneMatch: string | undefined, digest: string): boolean =>
  (ifNoneMatch ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1')).some((tag) => tag === '*' || tag === digest);

/**
 * OPA's Bundle Service API: `GET /opa/bundles/<policy id as a path>` (`org/egress`) answers the
 * bundle this agent should run. With `Prefer: wait=N` and a current ETag the request is held until
 * a rollout event changes what the agent gets (then 200) or N seconds pass (then 304); every answer
 * to a long poll carries `Content-Type: application/vnd.openpolicyagent.bundles`, which is how OPA
 * learns that the server long-polls.
 */
@ApiTags('opa')
@ApiBearerAuth()
@Controller('opa/bundles')
export class OpaBundlesController {
  private readonly maxWait = maxWaitSeconds();

  constructor(private readonly bundles: AgentBundleHandler, private readonly changes: RolloutChanges, private readonly fleet: OpaFleetRepository) {}

  @Get('*policy')
  @Roles('pdp', 'platform', 'admin')
  @ApiProduces(OPA_BUNDLE_MEDIA_TYPE)
  @ApiHeader({ name: AGENT_ID_HEADER, required: false, description: "the agent's id (its canary cohort); the token's subject without it" })
  @ApiHeader({ name: 'prefer', required: false, description: 'wait=N (1..EDICT_OPA_MAX_WAIT_SECONDS, default 300): long poll' })
  @ApiOperation({ summary: "The OPA bundle this agent should run (kill switch, pin, canary by cohort, stable); ETag = digest, If-None-Match → 304, Prefer: wait=N long polls" })
  @ApiOkResponse({ description: 'the signed gzipped tarball', content: { [OPA_BUNDLE_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiBadRequestResponse({ description: 'OPA.PREFER_WAIT_INVALID, OPA.AGENT_ID_INVALID, BUNDLE.POLICY_ID_INVALID' })
  @ApiNotFoundResponse({ description: 'OPA.BUNDLE_NOT_FOUND, DISTRIBUTION.OPA_BUNDLE_NOT_FOUND' })
  async download(
    @Param('policy') policy: string | string[],
    @Headers(AGENT_ID_HEADER) agentHeader: string | undefined,
    @Headers('prefer') prefer: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @CurrentPrincipal() who: Principal,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const policyId = Array.isArray(policy) ? policy.join('/') : policy;
    tierOfPolicyId(policyId);
    const agentId = agentIdOf(agentHeader, who);
    const wait = preferWait(prefer, this.maxWait);
    await this.fleet.touch(agentId, new Date());
    const gone = new AbortController();
    response.once('close', () => gone.abort());
    const deadline = Date.now() + (wait ?? 0) * 1000;
    for (;;) {
      const seen = this.changes.seen(policyId);
      const bundle = await this.bundles.handle(policyId, agentId);
      if (!etagMatches(ifNoneMatch, bundle.digest)) return this.answer(agentId, response, bundle, 200);
      const left = deadline - Date.now();
      if (wait === undefined || left <= 0 || gone.signal.aborted || this.changes.closed) return this.answer(agentId, response, bundle, 304, wait !== undefined);
      await this.changes.wait(policyId, seen, left, gone.signal);
    }
  }

  private async answer(agentId: string, response: ServerResponse, bundle: AgentBundle, status: 200 | 304, longPoll = true): Promise<void> {
    await this.fleet.touch(agentId, new Date(), { policyId: bundle.policyId, revision: bundle.revision });
    this.send(response, bundle, status, longPoll);
  }

  private send(response: ServerResponse, bundle: AgentBundle, status: 200 | 304, longPoll = true): void {
    if (response.writableEnded || response.destroyed) return;
    response.statusCode = status;
    response.setHeader('etag', `"${bundle.digest}"`);
    response.setHeader('cache-control', 'no-cache');
    response.setHeader('x-edict-revision', bundle.revision);
    if (longPoll || status === 200) response.setHeader('content-type', OPA_BUNDLE_MEDIA_TYPE);
    if (status === 304) return void response.end();
    response.setHeader('content-length', bundle.tarball.length);
    response.end(bundle.tarball);
  }
}
