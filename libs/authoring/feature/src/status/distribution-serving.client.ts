import { Injectable } from '@nestjs/common';
import { serviceUrlVariable, type ServingState } from '@edict/contracts';
import { mintDevToken } from '@edict/service-kit';

export type ServingAnswer = { readonly reachable: true; readonly state: ServingState | null } | { readonly reachable: false; readonly note: string };

/**
 * Asks distribution what it serves for a policy (`GET /v1/serving/{policyId}`), with a read-only
 * `pdp` service token: `EDICT_AUTHORING_TOKEN` when set, else a short-lived dev token for
 * `system:authoring`. Distribution at `EDICT_DISTRIBUTION_URL`; 3 s timeout. Never throws: an
 * unreachable distribution is reported, and the status view leaves serving out with that note.
 */
@Injectable()
export class DistributionServingClient {
  async serving(policyId: string, env: NodeJS.ProcessEnv = process.env): Promise<ServingAnswer> {
    const base = (env[serviceUrlVariable('distribution')] ?? 'http://127.0.0.1:4104').replace(/\/$/, '');
    try {
      const token = env['EDICT_AUTHORING_TOKEN'] || (await mintDevToken({ subject: 'system:authoring', roles: ['pdp'], ttlSeconds: 60 }));
      const response = await fetch(`${base}/v1/serving/${encodeURIComponent(policyId)}`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(3000),
      });
      if (response.status === 404) return { reachable: true, state: null };
      if (!response.ok) return { reachable: false, note: `distribution answered ${response.status}` };
      return { reachable: true, state: (await response.json()) as ServingState };
    } catch (error) {
      return { reachable: false, note: `distribution is unreachable (${error instanceof Error ? error.message : String(error)})` };
    }
  }
}
