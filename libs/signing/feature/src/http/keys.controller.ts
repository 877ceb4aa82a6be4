import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { StreamIds, type BundleSigned } from '@edict/contracts';
import { NotFoundError } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { loadState } from '@edict/messaging';
import { ApiProblems, JwksDto, Public, Roles, PolicyIdPipe } from '@edict/service-kit';
import { jwksOf, keyringDecider } from '@edict/signing-domain';
import { SignatureDto } from './signature.response';

/** Public keys (JWKS) and the signatures recorded for versions. */
@ApiTags('signing')
@Controller()
export class KeysController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Public()
  @Get('.well-known/jwks.json')
  @ApiOkResponse({ type: JwksDto, description: 'the keys not retired' })
  async jwks(): Promise<{ keys: Record<string, unknown>[] }> {
    const { state } = await loadState(this.store, StreamIds.keyring, keyringDecider);
    return jwksOf(state);
  }

  @ApiBearerAuth()
  @Get('v1/signatures/:policyId/versions/:version')
  @Roles('author', 'reviewer', 'team-lead', 'security', 'platform', 'oncall', 'auditor', 'admin')
  @ApiProblems({ 404: 'the version is not signed (SIGNATURE.NOT_FOUND)' })
  @ApiOkResponse({ type: SignatureDto })
  async signature(@Param('policyId', PolicyIdPipe) policyId: string, @Param('version') version: string): Promise<SignatureDto> {
    const [signed] = await this.store.readStream(StreamIds.signature(policyId, version));
    if (!signed) throw new NotFoundError('SIGNATURE.NOT_FOUND', `${policyId}@${version} is not signed`);
    return signed.data as BundleSigned['data'];
  }
}
