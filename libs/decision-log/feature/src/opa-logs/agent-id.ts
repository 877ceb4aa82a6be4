import { ValidationError } from '@edict/core';

/**
 * The header an OPA agent names itself with (`services.<name>.headers` in its config); the same
 * header, pattern and fallback as distribution's Bundle and Status APIs, so an agent's decisions
 * carry the id (and cohort) it gets its bundles by.
 */
export const AGENT_ID_HEADER = 'x-edict-agent-id';

const AGENT_ID = /^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,127}$/;

/** The header when sent, else the token's subject; a malformed header is 400 `OPA.AGENT_ID_INVALID`. */
export function agentIdOf(header: string | undefined, subject: string | undefined): string {
  if (header === undefined) {
    if (subject) return subject;
    throw new ValidationError('OPA.AGENT_ID_REQUIRED', `send ${AGENT_ID_HEADER} (services.<name>.headers in the OPA config)`);
  }
  if (!AGENT_ID.test(header)) throw new ValidationError('OPA.AGENT_ID_INVALID', `${AGENT_ID_HEADER} must be 1-128 characters of A-Z a-z 0-9 . _ : @ / - (starting with a letter or digit)`);
  return header;
}
