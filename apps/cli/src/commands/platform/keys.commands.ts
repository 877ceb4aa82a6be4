import type { Command } from 'commander';
import { callService } from './http-client';
import { printResult, withOutputOption, type OutputFormat } from './output-format';

/** `edict keys …`: the signing keyring (list, rotate, retire); admin or security for changes. */
export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description('signing keys: list, rotate, retire');
  withOutputOption(keys.command('list'))
    .description('every key with its status (active signs, verifying still verifies, retired is refused)')
    .action(async (opts: { output?: OutputFormat }) => {
      printResult(opts, await callService('signing', '/v1/keys'));
    });
  withOutputOption(keys.command('rotate'))
    .description('generate a new ES256 key; it signs from now on')
    .action(async (opts: { output?: OutputFormat }) => {
      printResult(opts, await callService('signing', '/v1/keys:rotate', { method: 'POST' }));
    });
  withOutputOption(keys.command('retire <kid>'))
    .description('retire a key: it leaves the JWKS and its signatures are refused everywhere')
    .action(async (kid: string, opts: { output?: OutputFormat }) => {
      printResult(opts, await callService('signing', `/v1/keys/${encodeURIComponent(kid)}:retire`, { method: 'POST' }));
    });
}
