import { Inject, Injectable } from '@nestjs/common';
import type { ServingState } from '@edict/contracts';
import { UnavailableError } from '@edict/core';
import { VALIDATION_CONFIG, type ValidationConfig } from '../config/validation-config';
import { validationServiceToken } from './service-token';

/**
 * What distribution serves for a policy (`GET /v1/serving/{policyId}`). Throws a retriable
 * `VALIDATION.DISTRIBUTION_UNAVAILABLE` when there is no answer: a verdict is never recorded on
 * a guess about the parents, the submission is redelivered instead.
 */
@Injectable()
export class ServingClient {
  constructor(@Inject(VALIDATION_CONFIG) private readonly config: ValidationConfig) {}

  async servingOf(policyId: string): Promise<ServingState> {
    const url = `${this.config.distributionUrl}/v1/serving/${encodeURIComponent(policyId)}`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${await validationServiceToken()}`, accept: 'application/json' },
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
    } catch (error) {
      throw new UnavailableError('VALIDATION.DISTRIBUTION_UNAVAILABLE', `distribution is not reachable at ${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) throw new UnavailableError('VALIDATION.DISTRIBUTION_UNAVAILABLE', `distribution answered ${response.status} for ${url}`);
    return (await response.json()) as ServingState;
  }
}
