/** What the Authorization header holds. */
export type BearerToken = { readonly kind: 'missing' } | { readonly kind: 'malformed' } | { readonly kind: 'token'; readonly token: string };

/** Reads `Authorization: Bearer <token>` (the scheme is case-insensitive, RFC 9110 §11.1). */
export function readBearerToken(authorization: string | readonly string[] | undefined): BearerToken {
  if (authorization === undefined || authorization === '') return { kind: 'missing' };
  if (typeof authorization !== 'string') return { kind: 'malformed' };
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(authorization);
  return match?.[1] ? { kind: 'token', token: match[1] } : { kind: 'malformed' };
}
