import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { exportSPKI, importJWK } from 'jose';
import { Public } from '@edict/service-kit';
import { MANIFEST_KEY, type ManifestKey } from '../manifest/manifest-key';

/** Distribution's own key as an SPKI PEM: what an agent lists in `keys` to verify kill-switch bundles. */
@ApiTags('opa')
@Controller('opa/keys')
export class OpaKeysController {
  constructor(@Inject(MANIFEST_KEY) private readonly key: ManifestKey) {}

  @Public()
  @Get('distribution.pem')
  @Header('content-type', 'application/x-pem-file')
  @ApiProduces('application/x-pem-file')
  @ApiOperation({ summary: "Distribution's manifest key (kid in /.well-known/jwks.json), which signs kill-switch bundles, as an SPKI PEM" })
  @ApiOkResponse({ description: 'SPKI PEM', content: { 'application/x-pem-file': { schema: { type: 'string' } } } })
  async pem(): Promise<string> {
    const key = await importJWK(this.key.publicJwk, 'ES256', { extractable: true });
    if (key instanceof Uint8Array) throw new Error('the manifest key is not an EC key');
    return exportSPKI(key);
  }
}
