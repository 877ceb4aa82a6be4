import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { CliConfig, GlobalFlags } from './cli-config';

/** EDICT_CONFIG, else $XDG_CONFIG_HOME/edict/config.yaml, else ~/.config/edict/config.yaml. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return env['EDICT_CONFIG'] ?? join(env['XDG_CONFIG_HOME'] ?? join(env['HOME'] ?? homedir(), '.config'), 'edict', 'config.yaml');
}

/** The config file, or an empty config when there is none; a malformed file is an error that names it. */
export function readConfig(path = configPath()): CliConfig {
  if (!existsSync(path)) return {};
  const value: unknown = parse(readFileSync(path, 'utf8'));
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${path} is not a YAML mapping of profiles`);
  return value;
}

/** Writes the config readable by its owner only (0600, also when the file existed), its folder 0700. */
export function writeConfig(config: CliConfig, path = configPath()): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, stringify(config), { mode: 0o600 });
  chmodSync(path, 0o600);
}

let flags: GlobalFlags = {};
let cached: CliConfig | undefined;

/** Set once from the root options before a command runs. */
export const setGlobalFlags = (value: GlobalFlags): void => {
  flags = value;
};
export const globalFlags = (): GlobalFlags => flags;

/** The config file of this run, read once. */
export const loadedConfig = (): CliConfig => (cached ??= readConfig());
