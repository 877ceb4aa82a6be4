import { SERVICE_NAMES, type ServiceName } from '@edict/contracts';

/** One profile of the config file: a token and service URLs. */
export interface Profile {
  readonly token?: string;
  readonly urls?: Readonly<Partial<Record<ServiceName, string>>>;
}

/** `~/.config/edict/config.yaml`: named profiles and the one in use. */
export interface CliConfig {
  readonly currentProfile?: string;
  readonly profiles?: Readonly<Record<string, Profile>>;
}

/** What the root options carry: `--profile`, `--token`. */
export interface GlobalFlags {
  readonly profile?: string;
  readonly token?: string;
}

export const DEFAULT_PROFILE = 'default';

/** The keys `edict config set|get` knows: `token` and `urls.<service>`. */
export const CONFIG_KEYS: readonly string[] = ['token', ...SERVICE_NAMES.map((s) => `urls.${s}`)];

/** The profile in use: --profile, else EDICT_PROFILE, else the file's currentProfile, else `default`. */
export function profileName(flags: GlobalFlags, env: NodeJS.ProcessEnv, config: CliConfig): string {
  return flags.profile ?? env['EDICT_PROFILE'] ?? config.currentProfile ?? DEFAULT_PROFILE;
}

/** A setting of a profile by key, or undefined. */
export function profileValue(profile: Profile | undefined, key: string): string | undefined {
  if (key === 'token') return profile?.token;
  const service = key.startsWith('urls.') ? (key.slice(5) as ServiceName) : undefined;
  return service ? profile?.urls?.[service] : undefined;
}

/** The profile with one setting replaced (a new object; the config is never mutated). */
export function withValue(profile: Profile | undefined, key: string, value: string): Profile {
  if (!CONFIG_KEYS.includes(key)) throw new Error(`unknown config key '${key}'; keys are ${CONFIG_KEYS.join(', ')}`);
  if (key === 'token') return { ...profile, token: value };
  if (!/^https?:\/\/\S+$/.test(value)) throw new Error(`'${value}' is not an http(s) URL`);
  return { ...profile, urls: { ...profile?.urls, [key.slice(5)]: value } };
}

/** Precedence for the token: --token > EDICT_TOKEN > the profile's token. */
export function resolveToken(flags: GlobalFlags, env: NodeJS.ProcessEnv, config: CliConfig): string | undefined {
  return flags.token ?? env['EDICT_TOKEN'] ?? config.profiles?.[profileName(flags, env, config)]?.token;
}

/** Precedence for a service URL: EDICT_<SERVICE>_URL > the profile's urls.<service> > undefined (the caller's default). */
export function resolveUrl(service: ServiceName, urlVariable: string, flags: GlobalFlags, env: NodeJS.ProcessEnv, config: CliConfig): string | undefined {
  return env[urlVariable] ?? config.profiles?.[profileName(flags, env, config)]?.urls?.[service];
}

/** Where an effective setting comes from, most important first. */
export type SettingSource = 'flag' | 'env' | 'profile' | 'default';

export interface Setting {
  readonly key: string;
  readonly value: string | undefined;
  readonly source: SettingSource;
}

/** Every key's effective value and its source, by the precedence flags > env > profile > default. */
export function effectiveSettings(flags: GlobalFlags, env: NodeJS.ProcessEnv, config: CliConfig, urlVariable: (s: ServiceName) => string, defaultUrl: (s: ServiceName) => string): Setting[] {
  const profile = config.profiles?.[profileName(flags, env, config)];
  const token: Setting = flags.token !== undefined ? { key: 'token', value: flags.token, source: 'flag' }
    : env['EDICT_TOKEN'] !== undefined ? { key: 'token', value: env['EDICT_TOKEN'], source: 'env' }
    : { key: 'token', value: profile?.token, source: profile?.token === undefined ? 'default' : 'profile' };
  return [token, ...SERVICE_NAMES.map((s): Setting => {
    const key = `urls.${s}`;
    const fromEnv = env[urlVariable(s)];
    if (fromEnv !== undefined) return { key, value: fromEnv, source: 'env' };
    const fromProfile = profile?.urls?.[s];
    return fromProfile !== undefined ? { key, value: fromProfile, source: 'profile' } : { key, value: defaultUrl(s), source: 'default' };
  })];
}

/** A token shown in a listing: its first characters only. */
export const maskToken = (token: string | undefined): string | undefined => (token === undefined ? undefined : token.length <= 12 ? '…' : `${token.slice(0, 8)}…`);
