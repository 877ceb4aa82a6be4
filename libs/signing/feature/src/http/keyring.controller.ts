import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StreamIds } from '@edict/contracts';
import { ValidationError } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { loadState } from '@edict/messaging';
import { CurrentPrincipal, NoBodyPipe, Roles, type Principal } from '@edict/service-kit';
import { keyringDecider, keyViews } from '@edict/signing-domain';
import { RetireKeyHandler } from '../handlers/retire-key.handler';
import { RotateKeyHandler } from '../handlers/rotate-key.handler';
import { KeyListDto, KeyViewDto } from './key-view.dto';

const KID = /^[A-Za-z0-9_-]{1,128}$/;

/** The keyring: list, rotate, retire (public metadata only; private keys never leave the key directory). */
@ApiTags('keys')
@ApiBearerAuth()
@Controller('v1')
export class KeyringController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly rotation: RotateKeyHandler, private readonly retirement: RetireKeyHandler) {}

  @Get('keys')
  @Roles('author', 'reviewer', 'team-lead', 'security', 'platform', 'oncall', 'auditor', 'admin')
  @ApiOperation({ summary: 'Every key with its status: the newest not retired signs (active), other live keys verify, retired keys are refused' })
  @ApiOkResponse({ type: KeyListDto })
  async list(): Promise<KeyListDto> {
    const { state } = await loadState(this.store, StreamIds.keyring, keyringDecider);
    return { items: keyViews(state) };
  }

  @Post('keys\\:rotate') @HttpCode(200) @Roles('admin', 'security')
  @ApiOperation({ summary: 'Generate a new ES256 key; it signs from now on, on every replica' })
  @ApiOkResponse({ type: KeyViewDto })
  rotate(@Body(NoBodyPipe) _body: undefined, @CurrentPrincipal() who: Principal): Promise<KeyViewDto> {
    return this.rotation.handle(who);
  }

  @Post('keys/:kid\\:retire') @HttpCode(200) @Roles('admin', 'security')
  @ApiOperation({ summary: 'Retire a key: it leaves the JWKS and its signatures are refused everywhere' })
  @ApiOkResponse({ type: KeyViewDto })
  @ApiNotFoundResponse({ description: 'KEYRING.KEY_NOT_FOUND' })
  @ApiConflictResponse({ description: 'KEYRING.LAST_ACTIVE_KEY: the only key not retired' })
  retire(@Param('kid') kid: string, @Body(NoBodyPipe) _body: undefined, @CurrentPrincipal() who: Principal): Promise<KeyViewDto> {
    if (!KID.test(kid)) throw new ValidationError('KEYRING.KID_INVALID', 'a key id is a base64url thumbprint');
    return this.retirement.handle(kid, who);
  }
}
