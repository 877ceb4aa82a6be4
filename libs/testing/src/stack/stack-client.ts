import { mintDevToken } from '@edict/service-kit';
import type { Role } from '@edict/contracts';
import { urlVariable, type ServiceName } from './service-names';

/** An answer from a service: status and parsed body (problem+json on errors). */
export interface Answer<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
}

/** A typed-enough HTTP client for a running stack, acting as named people with roles. */
export class StackClient {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(private readonly env: Readonly<Record<string, string>>) {}

  as(subject: string, roles: Role[]): { call: <T = Record<string, unknown>>(service: ServiceName, method: string, path: string, body?: unknown) => Promise<Answer<T>> } {
    const key = `${subject}:${roles.join(',')}`;
    if (!this.tokens.has(key)) this.tokens.set(key, mintDevToken({ subject, roles, ttlSeconds: 3600 }));
    return {
      call: async <T>(service: ServiceName, method: string, path: string, body?: unknown): Promise<Answer<T>> =>
        this.request<T>(service, method, path, body, await (this.tokens.get(key))),
    };
  }

  url(service: ServiceName): string {
    const url = this.env[urlVariable(service)];
    if (!url) throw new Error(`no ${urlVariable(service)} in the stack environment`);
    return url;
  }

  async request<T>(service: ServiceName, method: string, path: string, body?: unknown, token?: string): Promise<Answer<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.url(service)}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  }
}

/** Polls until `probe` returns a value (not undefined), or fails with the last observation. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60000, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const why = last instanceof Error ? `: ${last.message}` : '';
  throw new Error(`timed out waiting for ${what}${why}`);
}
