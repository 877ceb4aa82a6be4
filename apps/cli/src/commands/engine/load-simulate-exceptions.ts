import { parseExceptionList, type SimulatedException } from '@edict/policy-engine';
import { callService } from '../platform/http-client';
import { printProblems } from './format-problem';
import { readTextFile } from './read-text-file';

/** Largest exception list read at once. */
const MAX_EXCEPTIONS_BYTES = 64 * 1024 * 1024;

/**
 * The exceptions `edict simulate` replays with: from a file (`GET /v1/exceptions`'s answer, a JSON
 * array or NDJSON), or online from authoring's `GET /v1/exceptions` (every status: revoked and
 * expired ones apply to decisions before their end). Undefined when neither is asked for; null
 * (exit code set, problems printed) when the file has invalid items.
 */
export async function loadSimulateExceptions(opts: { exceptions?: string; exceptionsFromAuthoring?: boolean }): Promise<SimulatedException[] | null | undefined> {
  if (opts.exceptions !== undefined && opts.exceptionsFromAuthoring) throw new Error('give --exceptions <file> or --exceptions-from-authoring, not both');
  let text: string;
  let source: string;
  if (opts.exceptions !== undefined) {
    text = readTextFile(opts.exceptions, MAX_EXCEPTIONS_BYTES, 'exception list');
    source = opts.exceptions;
  } else if (opts.exceptionsFromAuthoring) {
    text = JSON.stringify(await callService('authoring', '/v1/exceptions'));
    source = 'authoring GET /v1/exceptions';
  } else return undefined;
  const { exceptions, problems } = parseExceptionList(text, source);
  if (problems.length === 0) return exceptions;
  await printProblems(problems.slice(0, 20), source);
  process.exitCode = 1;
  return null;
}
