import { effectiveSettings, maskToken, profileName, resolveToken, resolveUrl, withValue, type CliConfig } from './cli-config';

const config: CliConfig = {
  currentProfile: 'staging',
  profiles: {
    staging: { token: 'staging-token', urls: { authoring: 'https://authoring.staging' } },
    prod: { token: 'prod-token', urls: { authoring: 'https://authoring.prod' } },
  },
};
const VAR = 'EDICT_AUTHORING_URL';

describe('config precedence: flags > env > profile', () => {
  it('given no flag and no env, then the current profile of the file', () => {
    expect(profileName({}, {}, config)).toBe('staging');
    expect(resolveToken({}, {}, config)).toBe('staging-token');
    expect(resolveUrl('authoring', VAR, {}, {}, config)).toBe('https://authoring.staging');
  });

  it('given EDICT_PROFILE, then that profile; given --profile too, then the flag wins', () => {
    expect(resolveToken({}, { EDICT_PROFILE: 'prod' }, config)).toBe('prod-token');
    expect(profileName({ profile: 'staging' }, { EDICT_PROFILE: 'prod' }, config)).toBe('staging');
  });

  it('given EDICT_TOKEN and EDICT_AUTHORING_URL, then they beat the profile; --token beats EDICT_TOKEN', () => {
    const env = { EDICT_TOKEN: 'env-token', [VAR]: 'http://env' };
    expect(resolveToken({}, env, config)).toBe('env-token');
    expect(resolveUrl('authoring', VAR, {}, env, config)).toBe('http://env');
    expect(resolveToken({ token: 'flag-token' }, env, config)).toBe('flag-token');
  });

  it('given nothing anywhere, then undefined (the caller falls back to the local stack)', () => {
    expect(resolveToken({}, {}, {})).toBeUndefined();
    expect(resolveUrl('signing', 'EDICT_SIGNING_URL', {}, {}, config)).toBeUndefined();
  });

  it('lists every key with its source, the token masked by the caller', () => {
    const settings = effectiveSettings({}, { EDICT_SIGNING_URL: 'http://s' }, config, (s) => `EDICT_${s.toUpperCase().replace(/-/g, '_')}_URL`, (s) => `default-${s}`);
    expect(settings).toContainEqual({ key: 'token', value: 'staging-token', source: 'profile' });
    expect(settings).toContainEqual({ key: 'urls.authoring', value: 'https://authoring.staging', source: 'profile' });
    expect(settings).toContainEqual({ key: 'urls.signing', value: 'http://s', source: 'env' });
    expect(settings).toContainEqual({ key: 'urls.pdp', value: 'default-pdp', source: 'default' });
    expect(maskToken('eyJhbGciOiJIUzI1NiJ9.payload.sig')).toBe('eyJhbGci…');
  });
});

describe('withValue', () => {
  it('sets the token and a service URL without touching the rest', () => {
    expect(withValue({ token: 't' }, 'urls.pdp', 'http://pdp:4107')).toEqual({ token: 't', urls: { pdp: 'http://pdp:4107' } });
  });

  it('refuses an unknown key and a URL that is not http(s)', () => {
    expect(() => withValue({}, 'urls.nope', 'http://x')).toThrow(/unknown config key 'urls\.nope'/);
    expect(() => withValue({}, 'urls.pdp', 'pdp:4107')).toThrow(/not an http\(s\) URL/);
  });
});
