import type { Command } from 'commander';
import { isRole, ROLES, type Role } from '@edict/contracts';
import { mintDevToken } from '@edict/service-kit/edge';

/** `edict auth token --role …`: a dev token signed with EDICT_DEV_JWT_SECRET (local use only). */
export function registerAuthCommands(program: Command): void {
  const auth = program.command('auth').description('tokens for the local stack');
  auth
    .command('token')
    .description('mint a dev bearer token (HS256, issuer edict-dev) with the given roles')
    .requiredOption('--role <role...>', `one or more of: ${ROLES.join(', ')}`)
    .option('--subject <subject>', 'the token subject (who you are)', process.env['USER'] ?? 'dev')
    .option('--team <team...>', 'teams you lead or belong to (the `teams` claim)')
    .option('--ttl <seconds>', 'lifetime in seconds', '3600')
    .action(async (opts: { role: string[]; subject: string; ttl: string; team?: string[] }) => {
      const unknown = opts.role.filter((r) => !isRole(r));
      if (unknown.length > 0) throw new Error(`unknown role(s): ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
      const ttlSeconds = Number(opts.ttl);
      if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) throw new Error('--ttl must be a positive whole number of seconds');
      const token = await mintDevToken({ subject: opts.subject, roles: opts.role as Role[], ttlSeconds, ...(opts.team ? { teams: opts.team } : {}) });
      process.stdout.write(`${token}\n`);
    });
}
