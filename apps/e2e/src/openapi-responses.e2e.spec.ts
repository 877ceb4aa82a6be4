import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROLES, type ServiceName } from '@edict/contracts';
import { askPdpUntilVersion, eventually, people, repoRoot, SERVICE_NAMES, shipBundle, StackClient, startStack, uniqueName, type Stack } from '@edict/testing';
import { OPENAPI_DOCUMENT_PATH } from './openapi/schemathesis-args';
import { answerProblems, undocumentedAnswers, type OpenApiDocument } from './openapi/response-schemas';

/** service-kit's probes and metrics: plain answers, outside this check. */
const PROBES = ['/healthz', '/readyz', '/metrics'];

/**
 * Issue 11 §4, response DTOs: schemathesis meets mostly an empty stack, so here the answers of a
 * stack that shipped two versions (one rolled back), made decisions and holds an exception are
 * checked against each service's document: every GET a reader can ask and the commands' answers
 * conform, and carry no field the document does not name.
 */
describe('OpenAPI response schemas on a populated stack', () => {
  const root = repoRoot();
  let stack: Stack;
  let client: StackClient;
  const docs = new Map<ServiceName, OpenApiDocument>();
  const problems: string[] = [];
  const everyone = (): ReturnType<StackClient['as']> => client.as('zed', ROLES.filter((r) => r !== 'pdp'));
  const dave = (): ReturnType<StackClient['as']> => client.as(people.dave.subject, [...people.dave.roles]);

  const check = async (service: ServiceName, method: 'GET' | 'POST', path: string, body?: unknown, who = everyone()): Promise<unknown> => {
    const answer = await who.call<unknown>(service, method, path, body);
    if (answer.status >= 300) problems.push(`${service} ${method} ${path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    else problems.push(...answerProblems(docs.get(service) as OpenApiDocument, method.toLowerCase(), path, answer.status, answer.body).map((p) => `${service} ${p}`));
    return answer.body;
  };

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
    stack = await startStack({
      kafkaBrokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
      databaseUrl: process.env['DATABASE_URL'] ?? '',
      schema: uniqueName('e2e_resp').replace(/-/g, '_'),
      logDir: mkdtempSync(join(tmpdir(), 'edict-e2e-resp-')),
      env: { EDICT_TOPIC_PREFIX: `${uniqueName('e2e-resp')}.`, EDICT_PDP_NAME: uniqueName('pdp'), EDICT_GATE_MIN_DECISIONS: '0', EDICT_GATE_SOAK_SECONDS: '0', LOG_LEVEL: 'warn' },
    });
    client = new StackClient(stack.env);
    for (const service of SERVICE_NAMES) docs.set(service, (await (await fetch(`${client.url(service)}${OPENAPI_DOCUMENT_PATH}`)).json()) as OpenApiDocument);
    const question = { policyId: 'org/baseline', subject: 'agent-7', request: { agent: 'coder', action: 'network.connect', resource: 'pypi.org' } };
    await shipBundle(client, join(root, 'examples/bundles/org/baseline.yaml'));
    await askPdpUntilVersion(client, question, '1.0.0');
    await shipBundle(client, join(root, 'examples/bundles/org/baseline.candidate.yaml'));
    await askPdpUntilVersion(client, question, '1.1.0');
    await check('distribution', 'POST', '/v1/rollouts/org%2Fbaseline/rollback', { reason: '1.1.0 cut every team off PyPI', createIncident: true }, dave());
    await askPdpUntilVersion(client, question, '1.0.0');
  }, 600_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  it('declares content for every 2xx answer but 204', () => {
    const missing = [...docs].flatMap(([service, doc]) => undocumentedAnswers(doc).filter((a) => !PROBES.some((p) => a.endsWith(` ${p} 200`))).map((a) => `${service} ${a}`));
    expect(missing).toEqual([]);
  });

  it('answers commands and queries as documented, with no undocumented field', async () => {
    const alice = client.as(people.alice.subject, [...people.alice.roles]);
    const expiresAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
    await check('authoring', 'POST', '/v1/exceptions', { policyId: 'org/baseline', ruleId: 'deny-high-risk', resource: 'repos/alpha/*', justification: 'migration', ticket: 'SEC-1', expiresAt }, alice);
    await check('distribution', 'POST', '/v1/rollouts/org%2Fbaseline/check-gates', { decisions: 100, errors: 1, denies: 3 });
    await check('signing', 'POST', '/v1/exports', { policyId: 'org/baseline', version: '1.0.0', ttlSeconds: 3600 });
    const ask = { policyId: 'org/baseline', subject: 'me', request: { agent: 'coder', action: 'network.connect', resource: 'pypi.org' } };
    await check('pdp', 'POST', '/v1/decisions?explain=full', ask);
    const decisions = await eventually('a logged decision', async () => {
      const answer = await everyone().call<{ items: { decisionId: string }[] }>('decision-log', 'GET', '/v1/decisions?policyId=org%2Fbaseline');
      return answer.body.items?.[0];
    });
    const incident = await eventually('the rollback incident', async () => (await everyone().call<{ items: { incidentId: string }[] }>('incident-response', 'GET', '/v1/incidents')).body.items?.[0]);
    await check('signing', 'GET', '/v1/keys');
    const p = 'org%2Fbaseline';
    const reads: [ServiceName, string][] = [
      ['authoring', '/v1/bundles'], ['authoring', `/v1/bundles?policyId=${p}`], ['authoring', `/v1/bundles/${p}`], ['authoring', `/v1/bundles/${p}/versions/1.0.0`],
      ['authoring', `/v1/bundles/${p}/versions/1.0.0/status`], ['authoring', `/v1/bundles/${p}/versions/1.1.0/status`], ['authoring', '/v1/policies'],
      ['authoring', '/v1/reviews?status=all'], ['authoring', '/v1/exceptions'], ['authoring', '/v1/exceptions/EXC-001'],
      ['validation', `/v1/validations/${p}/1.1.0`], ['validation', `/v1/validations/${p}/versions/1.0.0`],
      ['signing', '/.well-known/jwks.json'], ['signing', `/v1/signatures/${p}/versions/1.0.0`],
      ['distribution', '/v1/rollouts'], ['distribution', `/v1/rollouts/${p}`], ['distribution', `/v1/rollouts/${p}/retire`], ['distribution', '/v1/serving'],
      ['distribution', `/v1/serving/${p}`], ['distribution', `/v1/releases/${p}`], ['distribution', '/.well-known/jwks.json'], ['distribution', '/v1/system/status'], ['distribution', '/v1/fleet'],
      ['decision-log', `/v1/decisions?policyId=${p}`], ['decision-log', `/v1/decisions/${decisions.decisionId}`], ['decision-log', `/v1/windows?policyId=${p}`],
      ['incident-response', '/v1/incidents'], ['incident-response', `/v1/incidents/${incident.incidentId}`], ['incident-response', `/v1/trigger-settings/${p}`],
    ];
    for (const [service, path] of reads) await check(service, 'GET', path);
    await check('pdp', 'GET', '/v1/policies');
    await check('incident-response', 'POST', `/v1/incidents/${incident.incidentId}/acknowledge`, undefined, dave());
    await check('incident-response', 'POST', `/v1/incidents/${incident.incidentId}/resolve`, { resolution: 'rolled back; 1.1.0 reworked' }, dave());
    expect(problems).toEqual([]);
  }, 300_000);

});
