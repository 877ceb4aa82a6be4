import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SERVICE_NAMES, serviceUrlVariable } from '@edict/contracts';
import { askPdpUntilVersion, eventually, repoRoot, shipBundle, StackClient, startStack, uniqueName, type Stack } from '@edict/testing';
import { exposedNames, promqlNames } from './ops/promql-names';

/** Metrics the alert rules take from other exporters, by exporter; everything else must come from Edict. */
const EXTERNAL: Readonly<Record<string, string>> = {
  kube_deployment_status_replicas_available: 'kube-state-metrics',
  kube_deployment_spec_replicas: 'kube-state-metrics',
  kafka_topic_partition_current_offset: 'kafka_exporter',
};

interface Dashboard {
  readonly title: string;
  readonly panels: readonly { readonly title: string; readonly targets: readonly { readonly expr: string }[] }[];
  readonly templating: { readonly list: readonly { readonly name: string; readonly definition?: string }[] };
}
interface RuleFile { readonly groups: readonly { readonly rules: readonly { readonly alert?: string; readonly expr: string }[] }[] }

/**
 * The ops kit against a running stack (every service as its own process): each PromQL expression
 * of the Grafana dashboard (docker/grafana) and of the alert rules (k8s/base/alerts) names only
 * metrics some service's /metrics exposes (or, for the alerts, the listed external exporters).
 */
describe('dashboard and alert rules name exported metrics', () => {
  const root = repoRoot();
  let stack: Stack;
  let client: StackClient;
  let exposed: Set<string>;
  let scrape: string;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
    stack = await startStack({
      kafkaBrokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
      databaseUrl: process.env['DATABASE_URL'] ?? '',
      schema: uniqueName('e2e').replace(/-/g, '_'),
      logDir: mkdtempSync(join(tmpdir(), 'edict-e2e-')),
      env: { EDICT_TOPIC_PREFIX: `${uniqueName('e2e')}.`, EDICT_GATE_MIN_DECISIONS: '0', EDICT_GATE_SOAK_SECONDS: '0', EDICT_PDP_NAME: uniqueName('pdp'), LOG_LEVEL: 'warn' },
    });
    client = new StackClient(stack.env);
    // traffic, so that labelled series exist as well as their families
    await shipBundle(client, join(root, 'examples/bundles/org/baseline.yaml'));
    await askPdpUntilVersion(client, { policyId: 'org/baseline', subject: 'agent-7', request: { agent: 'coder', action: 'network.connect', resource: 'pypi.org' } }, '1.0.0');
    const scrapeAll = async (): Promise<string> => {
      const bodies = await Promise.all(SERVICE_NAMES.map(async (name) => {
        const answer = await fetch(`${stack.env[serviceUrlVariable(name)] ?? ''}/metrics`);
        if (answer.status !== 200) throw new Error(`${name} /metrics answered ${answer.status}`);
        return answer.text();
      }));
      return bodies.join('\n');
    };
    scrape = await eventually('the decision in the PDP histogram and the rollout in the gauges', async () => {
      const text = await scrapeAll();
      return /edict_pdp_http_request_duration_seconds_count\{[^}]*route="\/v1\/decisions"/.test(text) && text.includes('edict_distribution_serving_version{') ? text : undefined;
    });
    exposed = exposedNames(scrape);
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  const missing = (exprs: readonly { where: string; expr: string }[], external: Readonly<Record<string, string>>): string[] =>
    exprs.flatMap(({ where, expr }) => {
      const { names, patterns } = promqlNames(expr);
      return [
        ...names.filter((n) => !exposed.has(n) && !(n in external)).map((n) => `${where}: ${n}`),
        ...patterns.filter((p) => ![...exposed].some((n) => new RegExp(`^(?:${p})$`).test(n))).map((p) => `${where}: {__name__=~"${p}"}`),
      ];
    });

  it('every panel and variable of "Edict — policy system health"', () => {
    const dashboard = JSON.parse(readFileSync(join(root, 'docker', 'grafana', 'edict-policy-system-health.json'), 'utf8')) as Dashboard;
    expect(dashboard.title).toBe('Edict — policy system health');
    const exprs = [
      ...dashboard.panels.flatMap((p) => p.targets.map((t) => ({ where: p.title, expr: t.expr }))),
      ...dashboard.templating.list.filter((v) => v.definition).map((v) => ({ where: `$${v.name}`, expr: v.definition ?? '' })),
    ];
    expect(exprs.length).toBeGreaterThan(15);
    expect(missing(exprs, {})).toEqual([]);
  });

  it('every alert rule', () => {
    const rules = parse(readFileSync(join(root, 'k8s', 'base', 'alerts', 'edict-alerts.yaml'), 'utf8')) as RuleFile;
    const exprs = rules.groups.flatMap((g) => g.rules.map((r) => ({ where: r.alert ?? 'record', expr: r.expr })));
    expect(missing(exprs, EXTERNAL)).toEqual([]);
  });

  it('the new gauges carry the rollout (stable version serving, no kill switch)', () => {
    expect(scrape).toMatch(/edict_distribution_serving_version\{policy="org\/baseline",version="1\.0\.0",track="stable"\} 1/);
    expect(scrape).toMatch(/# TYPE edict_distribution_canary_gate_passed gauge/);
    expect(scrape).not.toMatch(/edict_distribution_kill_switch_active\{/);
  });
});
