import semver from 'semver';

/**
 * Versions only increase, are never reused and never skipped: after `latest`, the next version
 * is exactly one of its patch, minor or major increments. The first version may be any valid
 * semver without prerelease or build metadata.
 */
export function allowedNextVersions(latest: string | undefined): readonly string[] | 'any' {
  if (latest === undefined) return 'any';
  return (['patch', 'minor', 'major'] as const).map((part) => semver.inc(latest, part) as string);
}

export const isPlainSemver = (version: string): boolean => {
  const parsed = semver.parse(version);
  return parsed !== null && parsed.prerelease.length === 0 && parsed.build.length === 0 && parsed.version === version;
};
