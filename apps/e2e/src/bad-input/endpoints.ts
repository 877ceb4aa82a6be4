import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES, type Role, type ServiceName } from '@edict/contracts';
import { repoRoot } from '@edict/testing';
import type { ExpectedProblem } from './problem';
import type { RequestBody } from './raw-client';

/** One wrong request beyond credentials and framing: a body or a query, and the problem it must get. */
export interface Fault {
  readonly what: string;
  readonly body?: RequestBody;
  readonly query?: string;
  readonly expect: ExpectedProblem;
}

/** Every HTTP endpoint built so far (health, metrics and /docs aside), with a valid request and its faults. */
export interface Endpoint {
  readonly service: ServiceName;
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly path: string;
  /** the roles it admits; a caller with none of them gets 403 */
  readonly allowed: readonly Role[];
  /** a valid body: what the credential cases send, so that only the credentials are wrong */
  readonly body?: unknown;
  /** headers every case sends (the kill switch's override header) */
  readonly headers?: Readonly<Record<string, string>>;
  readonly faults: readonly Fault[];
}

export const POLICY = 'org/baseline';
/** the draft the authoring cases aim at: it must come out of them as it went in */
export const DRAFT = '1.2.0';
const P = encodeURIComponent(POLICY);
const READERS = ROLES;
/** the registry's readers: every role but the decision points' */
const AUTHORING_READERS = ROLES.filter((r) => r !== 'pdp');

const candidate = readFileSync(join(repoRoot(), 'examples/bundles/org/baseline.candidate.yaml'), 'utf8');
/** The org baseline candidate as another version, optionally with other notes. */
export const baselineSource = (version: string, notes?: string): string => {
  const text = candidate.replace(/^ {2}version: .*$/m, `  version: ${version}`);
  return notes === undefined ? text : text.replace(/^ {2}notes: .*$/m, `  notes: ${notes}`);
};

const invalid = (what: string, json: unknown, path: string): Fault => ({ what, body: { json }, expect: { status: 400, code: 'REQUEST.INVALID', path } });
const refused = (what: string, json: unknown, status: number, code: string): Fault => ({ what, body: { json }, expect: { status, code } });
const badQuery = (what: string, query: string, path: string): Fault => ({ what, query, expect: { status: 400, code: 'REQUEST.INVALID', path } });
/** For commands that take no body: a member is an unknown field like any other. */
const noBody = (path: string): Fault[] => [invalid('unknown field in a command that takes no body', { [path]: 'x' }, path)];
const reasonFaults: Fault[] = [
  invalid('missing field', {}, 'reason'),
  invalid('wrong type', { reason: true }, 'reason'),
  invalid('empty value', { reason: '' }, 'reason'),
];

const authoring: Endpoint[] = [
  {
    service: 'authoring', method: 'POST', path: '/v1/bundles', allowed: ['author', 'team-lead', 'security', 'admin'],
    body: { source: baselineSource('1.3.0') },
    faults: [
      invalid('unknown field', { source: baselineSource('1.3.0'), surprise: true }, 'surprise'),
      refused('missing fields', {}, 400, 'BUNDLE.INPUT_INVALID'),
      refused('both document and source', { source: baselineSource('1.3.0'), document: { metadata: {} } }, 400, 'BUNDLE.INPUT_INVALID'),
      invalid('wrong type (document)', { document: 'not an object' }, 'document'),
      invalid('wrong type (source)', { source: 42 }, 'source'),
      invalid('wrong value (format)', { source: baselineSource('1.3.0'), format: 'toml' }, 'format'),
      refused('unparseable YAML', { source: 'metadata: [unclosed' }, 400, 'BUNDLE.PARSE_FAILED'),
      refused('no identity', { document: { apiVersion: 'edict.io/v1', kind: 'PolicyBundle' } }, 400, 'BUNDLE.IDENTITY_MISSING'),
      refused('not a policy id', { document: { metadata: { policyId: 'Org/Baseline', version: '1.3.0' } } }, 400, 'BUNDLE.POLICY_ID_INVALID'),
      refused('a document with errors (unknown field)', { source: baselineSource('1.3.0').replace(/^ {2}rules:$/m, '  rulez:') }, 422, 'BUNDLE.INVALID_DOCUMENT'),
      refused('a parsed document with errors', { document: { apiVersion: 'edict.io/v1', kind: 'PolicyBundle', metadata: { policyId: 'org/baseline', version: '1.3.0' }, spec: { rules: [{ id: 'r', effect: 'allow', when: 'request.(' }] } } }, 422, 'BUNDLE.INVALID_DOCUMENT'),
      { what: 'YAML as the body media type', body: { raw: baselineSource('1.3.0'), contentType: 'application/yaml' }, expect: { status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' } },
    ],
  },
  {
    service: 'authoring', method: 'PUT', path: `/v1/bundles/${P}/versions/${DRAFT}`, allowed: ['author', 'team-lead', 'security', 'admin'],
    body: { source: baselineSource(DRAFT, 'revised by a request that must be refused') },
    faults: [
      invalid('unknown field', { source: baselineSource(DRAFT, 'x'), status: 'approved' }, 'status'),
      refused('missing fields', {}, 400, 'BUNDLE.INPUT_INVALID'),
      invalid('wrong type', { document: ['not', 'an', 'object'] }, 'document'),
      refused('another version in the body', { source: baselineSource('1.3.0') }, 400, 'BUNDLE.IDENTITY_MISMATCH'),
      refused('a revision with errors', { source: baselineSource(DRAFT).replace(/^ {2}rules:$/m, '  rulez:') }, 422, 'BUNDLE.INVALID_DOCUMENT'),
    ],
  },
  {
    service: 'authoring', method: 'POST', path: `/v1/bundles/${P}/versions/${DRAFT}/submit`, allowed: ['author', 'team-lead', 'security', 'admin'],
    faults: noBody('force'),
  },
  {
    service: 'authoring', method: 'POST', path: `/v1/bundles/${P}/versions/${DRAFT}/approve`, allowed: ['reviewer', 'team-lead', 'security', 'platform', 'admin'],
    body: { comment: 'looks tight' },
    faults: [
      invalid('unknown field', { comment: 'ok', role: 'security' }, 'role'),
      invalid('wrong type', { comment: 42 }, 'comment'),
      invalid('too long', { comment: 'x'.repeat(2001) }, 'comment'),
      invalid('emergency without a reason', { emergency: true }, 'reason'),
      invalid('emergency with an empty reason', { emergency: true, reason: '' }, 'reason'),
      invalid('wrong type (emergency)', { emergency: 'yes', reason: 'r' }, 'emergency'),
    ],
  },
  {
    service: 'authoring', method: 'POST', path: `/v1/bundles/${P}/versions/${DRAFT}/confirm-emergency`, allowed: ['reviewer', 'team-lead', 'security', 'platform', 'admin'],
    body: { comment: 'reviewed' },
    faults: [
      invalid('unknown field', { comment: 'ok', force: true }, 'force'),
      refused('a version not approved on the emergency path', {}, 409, 'BUNDLE.NOT_EMERGENCY'),
    ],
  },
  { service: 'authoring', method: 'GET', path: `/v1/bundles/${P}`, allowed: READERS, faults: [] },
  { service: 'authoring', method: 'GET', path: `/v1/bundles/${P}/versions/${DRAFT}`, allowed: READERS, faults: [] },
  { service: 'authoring', method: 'GET', path: `/v1/bundles/${P}/versions/${DRAFT}/status`, allowed: AUTHORING_READERS, faults: [] },
  {
    service: 'authoring', method: 'GET', path: '/v1/bundles', allowed: AUTHORING_READERS,
    faults: [
      badQuery('wrong type (limit)', 'limit=many', 'limit'),
      badQuery('limit over the maximum', 'limit=5000', 'limit'),
      badQuery('unknown parameter', 'sort=desc', 'sort'),
      { what: 'not a policy id', query: 'policyId=Org%2FBaseline', expect: { status: 400, code: 'BUNDLE.POLICY_ID_INVALID' } },
    ],
  },
  { service: 'authoring', method: 'GET', path: '/v1/policies', allowed: AUTHORING_READERS, faults: [] },
  { service: 'authoring', method: 'GET', path: '/v1/reviews', allowed: AUTHORING_READERS, faults: [badQuery('wrong value (status)', 'status=closed', 'status')] },
];

const validationAndSigning: Endpoint[] = [
  { service: 'validation', method: 'GET', path: `/v1/validations/${P}/versions/1.0.0`, allowed: READERS, faults: [] },
  { service: 'signing', method: 'GET', path: `/v1/signatures/${P}/versions/1.0.0`, allowed: READERS, faults: [] },
];

const rollout = (command: string): string => `/v1/rollouts/${P}/${command}`;
const OVERRIDE = { 'x-edict-override': 'true' };
const distribution: Endpoint[] = [
  { service: 'distribution', method: 'GET', path: `/v1/rollouts/${P}`, allowed: READERS, faults: [] },
  {
    service: 'distribution', method: 'POST', path: rollout('start'), allowed: ['platform', 'oncall', 'team-lead', 'admin'], body: { version: DRAFT },
    faults: [
      invalid('missing field', {}, 'version'),
      invalid('wrong type', { version: 120 }, 'version'),
      invalid('empty value', { version: '' }, 'version'),
      invalid('unknown field', { version: DRAFT, percentage: 50 }, 'percentage'),
    ],
  },
  {
    service: 'distribution', method: 'POST', path: rollout('promote'), allowed: ['platform', 'oncall', 'team-lead', 'admin'], body: {},
    faults: [
      invalid('unknown field', { force: true }, 'force'),
      invalid('wrong type', { override: 'now' }, 'override'),
      invalid('missing nested field', { override: {} }, 'override.reason'),
      invalid('unknown nested field', { override: { reason: 'x', by: 'root' } }, 'override.by'),
    ],
  },
  {
    service: 'distribution', method: 'POST', path: rollout('rollback'), allowed: ['oncall', 'platform', 'team-lead', 'admin'], body: { reason: 'a refused request must not roll back' },
    faults: [
      ...reasonFaults,
      invalid('unknown field', { reason: 'x', version: '1.0.0' }, 'version'),
      invalid('wrong type (createIncident)', { reason: 'x', createIncident: 'yes' }, 'createIncident'),
      { what: 'text instead of JSON', body: { raw: 'reason=x', contentType: 'text/plain' }, expect: { status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' } },
    ],
  },
  { service: 'distribution', method: 'POST', path: rollout('pause'), allowed: ['oncall', 'platform', 'team-lead', 'admin'], body: { reason: 'x' }, faults: [...reasonFaults, invalid('unknown field', { reason: 'x', until: 'tomorrow' }, 'until')] },
  { service: 'distribution', method: 'POST', path: rollout('resume'), allowed: ['oncall', 'platform', 'team-lead', 'admin'], faults: noBody('reason') },
  {
    service: 'distribution', method: 'POST', path: rollout('pin'), allowed: ['oncall', 'platform', 'team-lead', 'admin'], body: { version: '1.0.0', reason: 'a refused request must not pin' },
    faults: [
      invalid('missing field', { reason: 'x' }, 'version'),
      invalid('wrong type', { version: 1, reason: 'x' }, 'version'),
      invalid('unknown field', { version: '1.0.0', reason: 'x', cohorts: 'all' }, 'cohorts'),
      invalid('missing reason', { version: '1.0.0' }, 'reason'),
    ],
  },
  { service: 'distribution', method: 'POST', path: rollout('unpin'), allowed: ['oncall', 'platform', 'team-lead', 'admin'], faults: noBody('version') },
  {
    service: 'distribution', method: 'POST', path: rollout('disable'), allowed: ['admin'], headers: OVERRIDE, body: { mode: 'fail-closed', reason: 'a refused request must not disable' },
    faults: [
      invalid('wrong value', { mode: 'fail-sideways', reason: 'x' }, 'mode'),
      invalid('missing field', { reason: 'x' }, 'mode'),
      invalid('wrong type', { mode: 'fail-open', reason: 7 }, 'reason'),
      invalid('unknown field', { mode: 'fail-open', reason: 'x', scope: 'all' }, 'scope'),
    ],
  },
  { service: 'distribution', method: 'POST', path: rollout('enable'), allowed: ['admin'], headers: OVERRIDE, body: { reason: 'x' }, faults: [...reasonFaults, invalid('unknown field', { reason: 'x', mode: 'fail-open' }, 'mode')] },
  { service: 'distribution', method: 'GET', path: '/v1/serving', allowed: ['pdp', 'platform', 'admin'], faults: [] },
  { service: 'distribution', method: 'GET', path: `/v1/serving/${P}`, allowed: ['pdp', 'platform', 'admin'], faults: [] },
  { service: 'distribution', method: 'GET', path: `/v1/releases/${P}`, allowed: READERS, faults: [] },
];

const decisionQueryFaults: Fault[] = [
  badQuery('wrong type', 'limit=many', 'limit'),
  badQuery('out of range', 'limit=0', 'limit'),
  badQuery('over the maximum', 'limit=5000', 'limit'),
  badQuery('wrong value', 'effect=maybe', 'effect'),
  badQuery('not a time', 'since=yesterday', 'since'),
  badQuery('unknown parameter', 'policy=org%2Fbaseline', 'policy'),
];
const decisionLog: Endpoint[] = [
  { service: 'decision-log', method: 'GET', path: '/v1/decisions', allowed: READERS, faults: decisionQueryFaults },
  { service: 'decision-log', method: 'GET', path: '/v1/decisions/export', allowed: READERS, faults: decisionQueryFaults },
  {
    service: 'decision-log', method: 'GET', path: '/v1/windows', allowed: READERS,
    faults: [badQuery('wrong value', 'canary=maybe', 'canary'), badQuery('out of range', 'limit=-1', 'limit'), badQuery('unknown parameter', 'effect=deny', 'effect')],
  },
];

const INCIDENT = 'INC-2025-0000000000000000';
const incidents: Endpoint[] = [
  {
    service: 'incident-response', method: 'GET', path: '/v1/incidents', allowed: ['oncall', 'platform', 'security', 'team-lead', 'auditor', 'admin'],
    faults: [badQuery('wrong value', 'status=closed', 'status'), badQuery('unknown parameter', 'severity=high', 'severity')],
  },
  { service: 'incident-response', method: 'GET', path: `/v1/incidents/${INCIDENT}`, allowed: ['oncall', 'platform', 'security', 'team-lead', 'auditor', 'admin'], faults: [] },
  { service: 'incident-response', method: 'POST', path: `/v1/incidents/${INCIDENT}/acknowledge`, allowed: ['oncall', 'platform', 'admin'], faults: noBody('note') },
  {
    service: 'incident-response', method: 'POST', path: `/v1/incidents/${INCIDENT}/resolve`, allowed: ['oncall', 'platform', 'admin'], body: { resolution: 'x' },
    faults: [
      invalid('missing field', {}, 'resolution'),
      invalid('wrong type', { resolution: 5 }, 'resolution'),
      invalid('empty value', { resolution: '' }, 'resolution'),
      invalid('unknown field', { resolution: 'x', severity: 'low' }, 'severity'),
    ],
  },
  {
    service: 'incident-response', method: 'GET', path: `/v1/trigger-settings/${encodeURIComponent(POLICY)}`, allowed: ['oncall', 'platform', 'security', 'team-lead', 'auditor', 'admin'],
    faults: [],
  },
  {
    service: 'incident-response', method: 'PUT', path: `/v1/trigger-settings/${encodeURIComponent(POLICY)}`, allowed: ['platform', 'oncall', 'admin'], body: { maxDenyRate: 0.4 },
    faults: [
      refused('rate out of range', { maxDenyRate: 2 }, 400, 'TRIGGER.SETTINGS_INVALID'),
      refused('wrong type', { minSampleSize: 'many' }, 400, 'TRIGGER.SETTINGS_INVALID'),
      refused('unknown field', { maxDenyRatio: 0.2 }, 400, 'TRIGGER.SETTINGS_INVALID'),
      refused('not an object', [0.2], 400, 'TRIGGER.SETTINGS_INVALID'),
    ],
  },
];

const question = { policyId: POLICY, subject: 'agent-7', request: { agent: 'coder', action: 'network.connect', resource: 'pypi.org' } };
const pdp: Endpoint[] = [
  {
    service: 'pdp', method: 'POST', path: '/v1/decisions', allowed: READERS, body: question,
    faults: [
      invalid('missing field', { policyId: POLICY, subject: 'agent-7' }, 'request'),
      invalid('missing nested field', { ...question, request: { agent: 'coder', action: 'network.connect' } }, 'request.resource'),
      invalid('wrong type', { ...question, request: { ...question.request, agent: 42 } }, 'request.agent'),
      invalid('wrong type (request)', { ...question, request: 'network.connect pypi.org' }, 'request'),
      invalid('wrong type (context)', { ...question, request: { ...question.request, context: 'risky' } }, 'request.context'),
      invalid('unknown field', { ...question, tier: 'org' }, 'tier'),
      invalid('unknown nested field', { ...question, request: { ...question.request, user: 'root' } }, 'request.user'),
      refused('not a policy id', { ...question, policyId: 'Org/Baseline' }, 400, 'BUNDLE.POLICY_ID_INVALID'),
    ],
  },
  { service: 'pdp', method: 'GET', path: '/v1/policies', allowed: READERS, faults: [] },
];

export const ENDPOINTS: readonly Endpoint[] = [...authoring, ...validationAndSigning, ...distribution, ...decisionLog, ...incidents, ...pdp];
