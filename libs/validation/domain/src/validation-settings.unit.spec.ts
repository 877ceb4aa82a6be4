import { DEFAULT_VALIDATION_SETTINGS, validationSettingsFromEnv } from './validation-settings';

describe('validationSettingsFromEnv', () => {
  it('given no variables, then org requires full rule coverage, Rego coverage 0 and 10,000 decisions replayed', () => {
    expect(validationSettingsFromEnv({})).toEqual(DEFAULT_VALIDATION_SETTINGS);
    expect(DEFAULT_VALIDATION_SETTINGS).toEqual({ requireCoverage: ['org'], regoMinCoverage: { org: 0, team: 0, project: 0 }, impactDecisions: 10000 });
  });

  it('given tiers and per-tier minimums, then they are read', () => {
    expect(validationSettingsFromEnv({ EDICT_VALIDATION_REQUIRE_COVERAGE: 'org, team', EDICT_REGO_MIN_COVERAGE: '50,org=90', EDICT_VALIDATION_IMPACT_DECISIONS: '500' })).toEqual({
      requireCoverage: ['org', 'team'],
      regoMinCoverage: { org: 90, team: 50, project: 50 },
      impactDecisions: 500,
    });
    expect(validationSettingsFromEnv({ EDICT_VALIDATION_REQUIRE_COVERAGE: 'none' }).requireCoverage).toEqual([]);
  });

  it.each([
    [{ EDICT_VALIDATION_REQUIRE_COVERAGE: 'orgs' }, /not a tier/],
    [{ EDICT_REGO_MIN_COVERAGE: '120' }, /not a percentage/],
    [{ EDICT_REGO_MIN_COVERAGE: 'teams=5' }, /not a tier/],
    [{ EDICT_VALIDATION_IMPACT_DECISIONS: 'lots' }, /not a whole number/],
  ])('given %j, then it is refused', (env, message) => {
    expect(() => validationSettingsFromEnv(env)).toThrow(message);
  });
});
