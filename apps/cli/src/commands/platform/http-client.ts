import { serviceToken, serviceUrl, type ServiceName } from './service-urls';

/** A failed call: the problem+json the service answered, or why there was no answer. */
export class ServiceCallError extends Error {
  constructor(message: string, readonly status: number, readonly code: string, readonly problem?: Readonly<Record<string, unknown>>) {
    super(message);
  }
}

export interface CallOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly body?: unknown;
  readonly token?: string;
  readonly headers?: Record<string, string>;
  /** answer the body as text (NDJSON exports) instead of parsing it as JSON */
  readonly raw?: boolean;
}

/** Calls a service's HTTP API with the bearer token from --token, EDICT_TOKEN or the profile; JSON in, JSON out. */
export async function callService(service: ServiceName, path: string, options: CallOptions = {}): Promise<unknown> {
  const url = `${serviceUrl(service)}${path}`;
  const token = options.token ?? serviceToken();
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new ServiceCallError(`${service} is not reachable at ${url}: ${cause?.code ?? cause?.message ?? String(error)}`, 0, 'CLI.SERVICE_UNREACHABLE');
  }
  const text = await response.text();
  if (options.raw && response.ok) return text;
  const payload = parseBody(text, response.ok);
  if (!response.ok) {
    const problem = (payload ?? {}) as { code?: string; detail?: string; title?: string };
    const code = problem.code ?? `HTTP_${response.status}`;
    throw new ServiceCallError(`${code}: ${problem.detail ?? problem.title ?? response.statusText}`, response.status, code, problem);
  }
  return payload;
}

/** JSON, or (for an error answer that is not JSON, e.g. a proxy's page) nothing: the status speaks. */
function parseBody(text: string, ok: boolean): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (ok) throw error;
    return undefined;
  }
}

export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};
