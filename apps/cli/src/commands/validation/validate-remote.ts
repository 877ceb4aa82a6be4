import { readFileSync } from 'node:fs';
import { writeOut } from '../engine/write-output';
import { callService } from '../platform/http-client';
import { stringify } from 'yaml';
import { formatReportTable, outputOf, type ReportAnswer } from './format-report';

/**
 * `edict validate --remote <file>`: the validation service's dry run (`POST
 * /v1/validations:dry-run`) over the file, so CI judges exactly as the service will on
 * submission. Nothing is stored. Exit 1 when the outcome is failed.
 */
export async function validateRemote(files: readonly string[], output: string | undefined): Promise<void> {
  const format = outputOf(output);
  for (const file of files) {
    const answer = (await callService('validation', '/v1/validations:dry-run', { body: { source: readFileSync(file, 'utf8'), filename: file } })) as ReportAnswer;
    if (answer.outcome !== 'validated') process.exitCode = 1;
    await writeOut(format === 'json' ? `${JSON.stringify({ file, ...answer }, null, 2)}\n` : format === 'yaml' ? `---\n${stringify({ file, ...answer })}` : formatReportTable(answer));
  }
}
