import { DEFAULT_SERVICE_PORTS, serviceUrlVariable } from '@edict/contracts';
import type { Command } from 'commander';
import { CONFIG_KEYS, effectiveSettings, maskToken, profileName, withValue } from './cli-config';
import { configPath, globalFlags, readConfig, writeConfig } from './cli-config-file';
import { printResult, table, withOutputOption, type OutputFormat } from './output-format';

const defaultUrl = (s: keyof typeof DEFAULT_SERVICE_PORTS): string => `http://127.0.0.1:${DEFAULT_SERVICE_PORTS[s]}`;

/** `edict config set|get|list|use-profile`: the token and service URLs kept in profiles (config.yaml, 0600). */
export function registerConfigCommands(program: Command): void {
  const config = program.command('config').description(`token and service URLs in profiles (${configPath()}; EDICT_CONFIG moves it; flags > env > profile)`);
  config
    .command('set <key> <value>')
    .description(`set a key of the profile in use (--profile, EDICT_PROFILE or the current one): ${CONFIG_KEYS.join(', ')}`)
    .action((key: string, value: string) => {
      const file = readConfig();
      const name = profileName(globalFlags(), process.env, file);
      writeConfig({ ...file, profiles: { ...file.profiles, [name]: withValue(file.profiles?.[name], key, value) } });
      process.stderr.write(`set ${key} in profile ${name} (${configPath()})\n`);
    });
  config
    .command('get <key>')
    .description('the effective value of a key (flags > env > profile > default), unmasked, for scripts')
    .action((key: string) => {
      const setting = effectiveSettings(globalFlags(), process.env, readConfig(), serviceUrlVariable, defaultUrl).find((s) => s.key === key);
      if (!setting) throw new Error(`unknown config key '${key}'; keys are ${CONFIG_KEYS.join(', ')}`);
      if (setting.value === undefined) throw new Error(`${key} is not set (flag, env or profile ${profileName(globalFlags(), process.env, readConfig())})`);
      process.stdout.write(`${setting.value}\n`);
    });
  withOutputOption(config.command('list').description('every key: its effective value (token masked) and where it comes from; the profiles in the file'))
    .action((opts: { output?: OutputFormat }) => {
      const file = readConfig();
      const settings = effectiveSettings(globalFlags(), process.env, file, serviceUrlVariable, defaultUrl).map((s) => (s.key === 'token' ? { ...s, value: maskToken(s.value) } : s));
      const answer = { file: configPath(), profile: profileName(globalFlags(), process.env, file), profiles: Object.keys(file.profiles ?? {}), settings };
      printResult(opts, answer, () => [`profile ${answer.profile} of ${answer.profiles.join(', ') || '(none yet)'} in ${answer.file}`, table(['key', 'value', 'from'], settings.map((s) => [s.key, s.value, s.source]))]);
    });
  config
    .command('use-profile <name>')
    .description('make a profile the current one (created empty if new)')
    .action((name: string) => {
      const file = readConfig();
      writeConfig({ ...file, currentProfile: name, profiles: { ...file.profiles, [name]: file.profiles?.[name] ?? {} } });
      process.stderr.write(`using profile ${name}\n`);
    });
}
