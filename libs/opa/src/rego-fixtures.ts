/** Small Rego v1 modules for the tests of this lib: the egress policy of the seed runbook. */
export const egressPolicy = `package edict.org.egress

default deny := false

deny if input.url == "api.example.com"

reason := "api.example.com is not an allowed egress host" if deny
`;

export const egressTests = `package edict.org.egress.tests

import data.edict.org.egress

test_denies_api_example_com if egress.deny with input as {"url": "api.example.com"}

test_allows_other_hosts if not egress.deny with input as {"url": "pypi.org"}

test_gives_a_reason if egress.reason with input as {"url": "api.example.com"}
`;
