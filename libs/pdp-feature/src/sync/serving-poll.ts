import type { ServingState } from '@edict/contracts';
import { UnavailableError } from '@edict/core';
import { leanHttp } from './lean-http.client';
import { serviceToken } from './service-token';

/** What one long poll of `GET /v1/serving` brought: nothing new (304), or every policy's state and its ETag. */
export type ServingPollResult =
  | { readonly changed: false }
  | { readonly changed: true; readonly states: ServingState[]; readonly etag: string | undefined };

/** How long past its wait a poll may take before it is given up. */
export const POLL_GRACE_MS = 30_000;

/**
 * One request for the serving state of every policy. With the ETag last loaded it long polls
 * (`If-None-Match` + `Prefer: wait=N`): distribution holds it until something changes (200) or N
 * seconds pass (304). Without one it answers at once. A call that outlasts the wait by
 * `POLL_GRACE_MS` (a connection gone silent) fails, and the loop asks again.
 */
export async function pollServing(distributionUrl: string, etag: string | undefined, waitSeconds: number, signal: AbortSignal): Promise<ServingPollResult> {
  const headers: Record<string, string> = { authorization: `Bearer ${await serviceToken()}` };
  if (etag) Object.assign(headers, { 'if-none-match': etag, prefer: `wait=${waitSeconds}` });
  const response = await leanHttp(`${distributionUrl}/v1/serving`, { headers, signal, timeoutMs: (etag ? waitSeconds * 1000 : 0) + POLL_GRACE_MS });
  if (response.status === 304) return { changed: false };
  if (!response.ok) throw new UnavailableError('PDP.DISTRIBUTION_UNAVAILABLE', `distribution answered ${response.status} for /v1/serving`);
  return { changed: true, states: response.json() as ServingState[], etag: response.header('etag') };
}
