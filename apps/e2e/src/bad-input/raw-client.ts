import type { Role, ServiceName } from '@edict/contracts';
import { mintDevToken } from '@edict/service-kit';
import type { StackClient } from '@edict/testing';

/** A request body as sent: JSON of a value, or raw text or bytes (malformed JSON, invalid UTF-8, other media types). */
export type RequestBody = { readonly json: unknown } | { readonly raw: string | Uint8Array; readonly contentType: string };

export interface RawRequest {
  readonly token?: string;
  readonly body?: RequestBody;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What came back, with the headers a problem+json check needs; a non-JSON body is kept as text. */
export interface RawAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly wwwAuthenticate: string | null;
  readonly body: Record<string, unknown>;
  readonly text: string;
}

const parse = (text: string): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return {};
  }
};

/**
 * HTTP against a running stack with full control over what is wrong: the token (none, forged,
 * expired), the body (malformed, oversized, of another media type) and extra headers. The
 * StackClient only sends well-formed JSON, which is what these tests must get around.
 */
export class RawClient {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(private readonly stack: StackClient) {}

  /** A dev token for `subject` with `roles`; `secret` and `ttlSeconds` forge or expire it. */
  token(subject: string, roles: readonly Role[], options: { secret?: string; ttlSeconds?: number } = {}): Promise<string> {
    const key = JSON.stringify([subject, roles, options]);
    if (!this.tokens.has(key)) this.tokens.set(key, mintDevToken({ subject, roles, ...options }));
    return this.tokens.get(key) as Promise<string>;
  }

  async send(service: ServiceName, method: string, path: string, request: RawRequest = {}): Promise<RawAnswer> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...request.headers };
    if (request.token !== undefined) headers['authorization'] = `Bearer ${request.token}`;
    let body: string | Uint8Array | undefined;
    if (request.body && 'json' in request.body) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.body.json);
    } else if (request.body) {
      headers['content-type'] = request.body.contentType;
      body = request.body.raw;
    }
    const response = await fetch(`${this.stack.url(service)}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      wwwAuthenticate: response.headers.get('www-authenticate'),
      body: parse(text),
      text,
    };
  }
}
