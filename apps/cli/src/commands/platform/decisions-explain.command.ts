import type { Command } from 'commander';
import type { DecisionLogged } from '@edict/contracts';
import { renderExplanation } from './decision-explain.render';
import { callService } from './http-client';
import { printResult, withOutputOption, type OutputFormat } from './output-format';
import { reExplainDecision, type ReExplained } from './reexplain-decision';

const enc = encodeURIComponent;

type Exception = Parameters<typeof reExplainDecision>[2];

/** The cited exception, or undefined when authoring does not answer for it (the notes then say so). */
const fetchException = async (id: string | undefined): Promise<Exception> =>
  id === undefined ? undefined : ((await callService('authoring', `/v1/exceptions/${enc(id)}`).catch(() => undefined)) as Exception);

export const renderReExplained = (r: ReExplained): string[] => [
  `decision ${r.decisionId}: stored ${r.stored.effect}${r.stored.rule ? ` by ${r.stored.rule}` : ''}; re-explained ${r.agrees ? 'the same' : 'DIFFERENTLY'}`,
  ...r.notes.map((n) => `note: ${n}`),
  ...renderExplanation({ result: { ...r.reexplained }, explanation: r.explanation } as Parameters<typeof renderExplanation>[0]),
];

/**
 * `edict decisions explain <decisionId>`: the stored decision from decision-log
 * (`GET /v1/decisions/{id}`), the documents of the versions that made it from authoring
 * (`GET /v1/bundles/{policyId}/versions/{v}`, every tier the decision lists), the exception it
 * cites, then explainDecision offline on the request as logged. Registered under `decisions`.
 */
export function registerDecisionsExplainCommand(program: Command): void {
  const decisions = program.commands.find((c) => c.name() === 'decisions') ?? program.command('decisions');
  withOutputOption(decisions.command('explain <decisionId>'))
    .description('re-explain a logged decision against the versions that made it (offline, on the request as logged: masked fields stay masked)')
    .action(async (decisionId: string, own: { output?: OutputFormat }, command: Command) => {
      // `decisions` has its own --output, which commander gives the parent wherever it stands
      const opts = { output: own.output ?? command.parent?.opts<{ output?: OutputFormat }>().output };
      const decision = (await callService('decision-log', `/v1/decisions/${enc(decisionId)}`)) as DecisionLogged['data'];
      const versions = await Promise.all(decision.bundles.map((b) => callService('authoring', `/v1/bundles/${enc(b.policyId)}/versions/${enc(b.version)}`) as Promise<{ document: unknown }>));
      const result = reExplainDecision(decision, versions.map((v) => v.document), await fetchException(decision.result.exception));
      printResult(opts, result, () => renderReExplained(result));
    });
}
