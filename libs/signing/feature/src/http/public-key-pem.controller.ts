import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { Controller, Get, Header, Inject, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StreamIds } from '@edict/contracts';
import { NotFoundError, ValidationError } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { loadState } from '@edict/messaging';
import { Public } from '@edict/service-kit';
import { keyringDecider } from '@edict/signing-domain';

const KID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * A key of the JWKS as an SPKI PEM: what stock opa's `--verification-key` (and a bundle
 * `keys.<kid>.key` config) reads. Public like the JWKS; retired keys are not served.
 */
@ApiTags('signing')
@Controller('v1/keys')
export class PublicKeyPemController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Public()
  @Get(':kid.pem')
  @Header('content-type', 'application/x-pem-file')
  @ApiOperation({ summary: 'The public key of a key not retired, as an SPKI PEM (for opa --verification-key)' })
  @ApiOkResponse({ description: '-----BEGIN PUBLIC KEY----- …', content: { 'application/x-pem-file': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: 'KEYRING.KEY_NOT_FOUND (unknown or retired)' })
  async pem(@Param('kid') kid: string): Promise<string> {
    if (!KID.test(kid)) throw new ValidationError('KEYRING.KID_INVALID', 'a key id is a base64url thumbprint');
    const { state } = await loadState(this.store, StreamIds.keyring, keyringDecider);
    const key = state.keys.find((k) => k.kid === kid && !k.retiredAt);
    if (!key) throw new NotFoundError('KEYRING.KEY_NOT_FOUND', `no key ${kid} that is not retired`, { kid });
    return createPublicKey({ key: key.publicJwk as JsonWebKey, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
  }
}
