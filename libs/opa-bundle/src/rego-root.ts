/**
 * The OPA root of a policy: `edict/` followed by its policy id, so `teams/alpha/network` owns
 * `edict/teams/alpha/network`, i.e. the data path `data.edict.teams.alpha.network`. Its `.manifest`
 * lists that root, its `spec.rego.data` sits at it, and every Rego package of the bundle (tests
 * included) is that package or one below it. Roots of different policies never overlap, because
 * policy ids are tier paths and one never is a path prefix of another of the same tier.
 */
export function regoRootOf(policyId: string): string {
  return `edict/${policyId}`;
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The Rego package declaration's path for a root (`edict/org/egress` → `edict.org.egress`):
 * segments that are not Rego identifiers are written as string refs (`edict.org["my-policy"]`).
 */
export function regoPackageOf(root: string): string {
  return root
    .split('/')
    .map((segment, i) => (identifier.test(segment) ? `${i === 0 ? '' : '.'}${segment}` : `[${JSON.stringify(segment)}]`))
    .join('');
}
