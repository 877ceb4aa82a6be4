/**
 * The Rego policy `org/opafleet` the fleet tests roll out to ten stock `opa` agents: each version
 * denies api.example.com with a message naming the version, except a `denyAll` one, which denies
 * every request (the bad canary that auto-rollback must take back). Its own tests pass, so
 * validation lets it through, as a real mistake would be.
 */
export const FLEET_POLICY = 'org/opafleet';

/** The message a version's deny carries for api.example.com (for a deny-all version, for every url). */
export const denyMessage = (version: string, denyAll = false): string =>
  denyAll ? `${version} denies everything` : `example domain blocked by ${version}`;

const indented = (lines: readonly string[]): string => lines.map((line) => (line === '' ? '' : `        ${line}`)).join('\n');

export const fleetBundle = (version: string, denyAll = false): string => {
  const message = denyMessage(version, denyAll);
  const policy = ['package edict.org.opafleet', '', denyAll ? `deny contains "${message}"` : `deny contains "${message}" if input.url == "api.example.com"`];
  const tests = denyAll
    ? ['test_denies_everything if {', `\t"${message}" in opafleet.deny with input as {"url": "pypi.org"}`, '}']
    : ['test_denies_api_example_com if {', `\t"${message}" in opafleet.deny with input as {"url": "api.example.com"}`, '}', '',
      'test_allows_other_hosts if {', '\tcount(opafleet.deny) == 0 with input as {"url": "pypi.org"}', '}'];
  return [
    'apiVersion: edict.io/v1',
    'kind: PolicyBundle',
    'metadata:',
    `  policyId: ${FLEET_POLICY}`,
    `  version: ${version}`,
    `  notes: The OPA fleet e2e policy${denyAll ? ' - a canary that denies everything' : ''}.`,
    'spec:',
    '  rego:',
    '    modules:',
    '      policy.rego: |',
    indented(policy),
    '      policy_test.rego: |',
    indented(['package edict.org.opafleet.tests', '', 'import data.edict.org.opafleet', '', ...tests]),
    '',
  ].join('\n');
};
