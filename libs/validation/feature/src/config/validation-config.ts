import { serviceUrlVariable, type ServiceName } from '@edict/contracts';
import { validationSettingsFromEnv, type ValidationSettings } from '@edict/validation-domain';

/** What the validation service reads from its environment, once, at startup. */
export interface ValidationConfig {
  readonly settings: ValidationSettings;
  readonly distributionUrl: string;
  readonly decisionLogUrl: string;
  /** `OPA_PATH`: the `opa` binary the Rego checks run; absent means they fail with VALIDATION.OPA_UNAVAILABLE */
  readonly opaPath: string | undefined;
  /** per HTTP call to distribution or the decision log */
  readonly timeoutMs: number;
}

export const VALIDATION_CONFIG = Symbol('VALIDATION_CONFIG');

const urlOf = (env: NodeJS.ProcessEnv, service: ServiceName, port: number): string =>
  (env[serviceUrlVariable(service)] ?? `http://127.0.0.1:${port}`).replace(/\/$/, '');

export function validationConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ValidationConfig {
  return {
    settings: validationSettingsFromEnv(env),
    distributionUrl: urlOf(env, 'distribution', 4104),
    decisionLogUrl: urlOf(env, 'decision-log', 4105),
    opaPath: env['OPA_PATH'] || undefined,
    timeoutMs: 10_000,
  };
}
