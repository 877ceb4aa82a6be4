import type { Tier } from '@edict/contracts';

/** What the suite requires per tier; read once at startup (`validationSettingsFromEnv`). */
export interface ValidationSettings {
  /** tiers whose bundle tests must reach every rule (an unreached rule is an error) */
  readonly requireCoverage: readonly Tier[];
  /** the minimum `opa test --coverage` percentage per tier */
  readonly regoMinCoverage: Readonly<Record<Tier, number>>;
  /** how many recorded decisions of the replaced version the impact check replays */
  readonly impactDecisions: number;
}

export const DEFAULT_VALIDATION_SETTINGS: ValidationSettings = {
  requireCoverage: ['org'],
  regoMinCoverage: { org: 0, team: 0, project: 0 },
  impactDecisions: 10_000,
};

const TIERS: readonly Tier[] = ['org', 'team', 'project'];
const isTier = (s: string): s is Tier => (TIERS as readonly string[]).includes(s);

const percentage = (text: string, variable: string): number => {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) throw new Error(`${variable}: '${text}' is not a percentage (0–100)`);
  return value;
};

/** `EDICT_REGO_MIN_COVERAGE`: `80` for every tier, or `org=90,team=50` (others keep the default 0), or both (`50,org=90`). */
function regoMinCoverage(text: string | undefined): Record<Tier, number> {
  const result: Record<Tier, number> = { ...DEFAULT_VALIDATION_SETTINGS.regoMinCoverage };
  for (const part of (text ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const [name, value] = part.includes('=') ? part.split('=', 2).map((s) => s.trim()) : [undefined, part];
    if (name === undefined) TIERS.forEach((t) => (result[t] = percentage(value ?? '', 'EDICT_REGO_MIN_COVERAGE')));
    else if (isTier(name)) result[name] = percentage(value ?? '', 'EDICT_REGO_MIN_COVERAGE');
    else throw new Error(`EDICT_REGO_MIN_COVERAGE: '${name}' is not a tier (org, team, project)`);
  }
  return result;
}

/** `EDICT_VALIDATION_REQUIRE_COVERAGE`: tiers separated by commas (`org,team`), `none` for none; default `org`. */
function requireCoverage(text: string | undefined): Tier[] {
  if (text === undefined || text.trim() === '') return [...DEFAULT_VALIDATION_SETTINGS.requireCoverage];
  if (text.trim() === 'none') return [];
  return text.split(',').map((t) => t.trim()).filter((t) => t !== '').map((t) => {
    if (!isTier(t)) throw new Error(`EDICT_VALIDATION_REQUIRE_COVERAGE: '${t}' is not a tier (org, team, project) or 'none'`);
    return t;
  });
}

/** Reads the settings from environment variables; a malformed value is refused (the service does not start). */
export function validationSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): ValidationSettings {
  const impact = env['EDICT_VALIDATION_IMPACT_DECISIONS'];
  const impactDecisions = impact === undefined || impact.trim() === '' ? DEFAULT_VALIDATION_SETTINGS.impactDecisions : Number(impact);
  if (!Number.isInteger(impactDecisions) || impactDecisions < 0) throw new Error(`EDICT_VALIDATION_IMPACT_DECISIONS: '${impact}' is not a whole number`);
  return {
    requireCoverage: requireCoverage(env['EDICT_VALIDATION_REQUIRE_COVERAGE']),
    regoMinCoverage: regoMinCoverage(env['EDICT_REGO_MIN_COVERAGE']),
    impactDecisions,
  };
}
