import { UnavailableError } from '@edict/core';

/**
 * Stable codes of the harness. A failure to provision infrastructure is a dependency being
 * unavailable (503, retriable): the same run on a healthy machine would succeed.
 */
export type InfraErrorCode =
  | 'INFRA.KAFKA_DOWNLOAD_FAILED'
  | 'INFRA.KAFKA_START_FAILED'
  | 'INFRA.POSTGRES_START_FAILED'
  | 'INFRA.OPA_UNAVAILABLE'
  | 'INFRA.CONTAINER_START_FAILED'
  | 'INFRA.COMMAND_FAILED'
  | 'INFRA.STOP_FAILED'
  | 'INFRA.BAD_ENVIRONMENT';

/** Raised when the harness cannot provide or stop a component. */
export class InfraError extends UnavailableError {
  constructor(code: InfraErrorCode, message: string, details?: Readonly<Record<string, unknown>>) {
    super(code, message, details);
  }
}
