import { ValidationError } from '@edict/core';
import type { Principal } from '@edict/service-kit';

/** The header an agent names itself with (OPA: `services.<name>.headers`), sent on bundle and status requests. */
export const AGENT_ID_HEADER = 'x-edict-agent-id';

const AGENT_ID = /^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,127}$/;

/** The agent's id: the header when sent, else the token's subject; a malformed header is 400 `OPA.AGENT_ID_INVALID`. */
export function agentIdOf(header: string | undefined, who: Principal | undefined): string {
  if (header === undefined) {
    if (who) return who.subject;
    throw new ValidationError('OPA.AGENT_ID_REQUIRED', `send ${AGENT_ID_HEADER} (services.<name>.headers in the OPA config)`);
  }
  if (!AGENT_ID.test(header)) throw new ValidationError('OPA.AGENT_ID_INVALID', `${AGENT_ID_HEADER} must be 1-128 characters of A-Z a-z 0-9 . _ : @ / - (starting with a letter or digit)`);
  return header;
}
