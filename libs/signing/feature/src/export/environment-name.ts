/** This environment's name (`EDICT_ENVIRONMENT`, default `local`): what an export says it came from. */
export function environmentName(env: NodeJS.ProcessEnv = process.env): string {
  const name = env['EDICT_ENVIRONMENT']?.trim() || 'local';
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(name)) throw new Error(`EDICT_ENVIRONMENT must be a name of letters, digits, '.', '_' or '-' (at most 63), not '${name}'`);
  return name;
}
