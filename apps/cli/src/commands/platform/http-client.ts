import { serviceUrl, type ServiceName } from './service-urls';

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

/** Calls a service's HTTP API with the bearer token from --token or EDICT_TOKEN; JSON in, JSON out. */
export async function callService(service: ServiceName, path: string, options: CallOptions = {}): Promise<unknown> {
  const url = `${serviceUrl(service)}${path}`;
  const token = options.token ?? process.env['EDICT_TOKEN'];
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
    throw new ServiceCallError(`${service} is not reachable at ${url}: ${String(error)}`, 0, 'CLI.SERVICE_UNREACHABLE');
  }
  const text = await response.text();
  if (options.raw && response.ok) return text;
  const payload: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const problem = (payload ?? {}) as { code?: string; detail?: string; title?: string };
    const code = problem.code ?? `HTTP_${response.status}`;
    throw new ServiceCallError(`${code}: ${problem.detail ?? problem.title ?? response.statusText}`, response.status, code, problem);
  }
  return payload;
}

export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};
