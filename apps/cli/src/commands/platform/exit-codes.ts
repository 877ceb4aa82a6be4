import { ServiceCallError } from './http-client';

/** The exit codes `edict` promises (documented in `edict --help` and the README). */
export const EXIT = { ok: 0, failure: 1, usage: 2, notFound: 3, conflict: 4, unauthorised: 5, unreachable: 6 } as const;

export const EXIT_CODES_HELP = [
  'Exit codes:',
  '  0  ok',
  '  1  failure (refused input, failed checks, a service error)',
  '  2  usage (unknown command or option, missing or bad argument)',
  '  3  not found (HTTP 404)',
  '  4  conflict (HTTP 409, or 412 when --if-match no longer matches)',
  '  5  unauthorised (HTTP 401: no or bad token; 403: your roles do not allow it)',
  '  6  service unreachable (no answer from the service URL)',
].join('\n');

/** The exit code for an error a command threw: by the problem's HTTP status, else failure. */
export function exitCodeFor(error: unknown): number {
  if (!(error instanceof ServiceCallError)) return EXIT.failure;
  if (error.status === 0) return EXIT.unreachable;
  if (error.status === 404) return EXIT.notFound;
  if (error.status === 409 || error.status === 412) return EXIT.conflict;
  if (error.status === 401 || error.status === 403) return EXIT.unauthorised;
  return EXIT.failure;
}

/** One line for stderr: `edict: CODE: what happened` (the message of a ServiceCallError starts with its code). */
export function errorLine(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ').trim();
  if (error instanceof ServiceCallError && !message.startsWith(`${error.code}:`)) return `edict: ${error.code}: ${message}`;
  return `edict: ${message}`;
}
