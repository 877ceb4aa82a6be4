import type { Principal } from '@edict/service-kit';
import { agentIdOf } from './agent-id';

const who: Principal = { subject: 'opa-token-subject', roles: ['pdp'], teams: [] };

describe('agentIdOf', () => {
  it("takes the header, else the token's subject", () => {
    expect(agentIdOf('opa-eu-1', who)).toBe('opa-eu-1');
    expect(agentIdOf(undefined, who)).toBe('opa-token-subject');
  });

  it.each(['', ' x', 'a'.repeat(129), 'agent 1', '-lead'])('refuses %j with OPA.AGENT_ID_INVALID', (header) => {
    expect(() => agentIdOf(header, who)).toThrow(expect.objectContaining({ code: 'OPA.AGENT_ID_INVALID', status: 400 }));
  });
});
