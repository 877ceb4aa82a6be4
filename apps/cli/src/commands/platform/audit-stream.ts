import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ServiceCallError } from './http-client';
import { serviceToken, serviceUrl } from './service-urls';

/** What `edict audit export` asks for (GET /v1/audit/export's query). */
export interface AuditExportRequest {
  readonly after: number;
  readonly policy?: string;
  readonly category?: string;
  readonly since?: string;
  readonly until?: string;
}

export const auditExportPath = (request: AuditExportRequest): string => {
  const query = new URLSearchParams({ after: String(request.after) });
  for (const name of ['policy', 'category', 'since', 'until'] as const) {
    const value = request[name];
    if (value !== undefined) query.set(name, value);
  }
  return `/v1/audit/export?${query.toString()}`;
};

/** Opens the export as a byte stream (never buffered whole); a problem answer throws ServiceCallError. */
export async function openAuditExport(request: AuditExportRequest, token = serviceToken()): Promise<{ body: Readable; filtered: boolean }> {
  const url = `${serviceUrl('signing')}${auditExportPath(request)}`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/x-ndjson', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  } catch (error) {
    throw new ServiceCallError(`signing is not reachable at ${url}: ${String(error)}`, 0, 'CLI.SERVICE_UNREACHABLE');
  }
  if (!response.ok || !response.body) {
    const text = await response.text();
    const problem = (text.startsWith('{') ? JSON.parse(text) : {}) as { code?: string; detail?: string; title?: string };
    const code = problem.code ?? `HTTP_${response.status}`;
    throw new ServiceCallError(`${code}: ${problem.detail ?? problem.title ?? response.statusText}`, response.status, code, problem);
  }
  return { body: Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), filtered: response.headers.get('x-edict-audit-filtered') === 'true' };
}
