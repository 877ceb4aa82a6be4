import { regoPackageOf, regoRootOf } from '@edict/opa-bundle';

const header = (policyId: string, notes: string): string =>
  `apiVersion: edict.io/v1\nkind: PolicyBundle\nmetadata:\n  policyId: ${policyId}\n  version: 1.0.0\n  notes: ${notes}\nspec:\n`;

/** A block scalar's lines under `key: |`, indented for `spec.rego.modules`. */
const block = (text: string): string => text.split('\n').map((l) => (l === '' ? '' : `        ${l}`)).join('\n');

/** A bundle with one CEL rule and tests that reach it (`edict bundle init <policyId>`). */
export function celBundleTemplate(policyId: string): string {
  return `${header(policyId, 'Replace these with your rules; edict test runs spec.tests.')}  defaultEffect: deny
  rules:
    - id: allow-repo-read
      priority: 10
      match: { action: repo.read, resource: "repos/**" }
      effect: allow
      reason: reading repositories is allowed
  tests:
    - name: repository reads are allowed
      request: { agent: coder, action: repo.read, resource: repos/web }
      expect: { effect: allow, rule: allow-repo-read }
    - name: anything else is denied by default
      request: { agent: coder, action: shell.exec, resource: /bin/sh }
      expect: { effect: deny, rule: null, noMatch: true }
`;
}

/**
 * A Rego-only bundle for OPA fleets (`edict bundle init --rego <policyId>`): a policy in the
 * policy's OPA root package and tests in `<root>.tests`, formatted as `opa fmt` formats them.
 */
export function regoBundleTemplate(policyId: string): string {
  const pkg = regoPackageOf(regoRootOf(policyId));
  const policy = `package ${pkg}

# OPA agents query data.${pkg}.deny: the messages of what is denied.
deny contains "example.invalid is not an allowed host" if input.url == "example.invalid"
`;
  const tests = `package ${pkg}.tests

import data.${pkg} as policy

test_denies_example_invalid if {
\t"example.invalid is not an allowed host" in policy.deny with input as {"url": "example.invalid"}
}

test_allows_other_hosts if {
\tcount(policy.deny) == 0 with input as {"url": "pypi.org"}
}
`;
  return `${header(policyId, 'Rego for OPA fleets; edict test runs opa check --strict, opa test --coverage and opa fmt.')}  # Edict's own PDP evaluates CEL rules (spec.rules) only; OPA agents evaluate these modules.
  rego:
    modules:
      policy.rego: |
${block(policy)}      policy_test.rego: |
${block(tests)}`;
}
