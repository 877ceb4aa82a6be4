import type { ServingState } from '@edict/contracts';
import { UnavailableError } from '@edict/core';
import { serviceToken } from './service-token';

/** What one long poll of `GET /v1/serving` brought: nothing new (304), or every policy's state and its ETag. */
export type ServingPollResult =
  | { readonly changed: false }
  | { readonly changed: true; readonly states: ServingState[]; readonly etag: string | undefined };

/**
 * One request for the serving state of every policy. With the ETag last loaded it long polls
 * (`If-None-Match` + `Prefer: wait=N`): distribution holds it until something changes (200) or N
 * seconds pass (304). Without one it answers at once.
 */
export async function pollServing(distributionUrl: string, etag: string | undefined, waitSeconds: number, signal: AbortSignal): Promise<ServingPollResult> {
  const headers: Record<string, string> = { authorization: `Bearer ${await serviceToken()}` };
  if (etag) Object.assign(headers, { 'if-none-match': etag, prefer: `wait=${waitSeconds}` });
  const response = await fetch(`${distributionUrl}/v1/serving`, { headers, signal });
  if (response.status === 304) {
    await response.body?.cancel();
    return { changed: false };
  }
  if (!response.ok) throw new UnavailableError('PDP.DISTRIBUTION_UNAVAILABLE', `distribution answered ${response.status} for /v1/serving`);
  return { changed: true, states: (await response.json()) as ServingState[], etag: response.headers.get('etag') ?? undefined };
}
