import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JwksDto, Public } from '@edict/service-kit';
import { MANIFEST_KEY, type ManifestKey } from '../manifest/manifest-key';

/** The public keys decision points verify serving manifests with: the signing one, then keys rotated out. */
@ApiTags('serving')
@Controller('.well-known')
export class ManifestKeysController {
  constructor(@Inject(MANIFEST_KEY) private readonly key: ManifestKey) {}

  @Public()
  @Get('jwks.json')
  @ApiOperation({ summary: "Distribution's manifest-signing public key (JWKS)" })
  @ApiOkResponse({ type: JwksDto, description: 'the signing key first, then keys rotated out' })
  jwks(): { keys: ManifestKey['publicJwk'][] } {
    return { keys: [this.key.publicJwk, ...(this.key.previous ?? [])] };
  }
}
