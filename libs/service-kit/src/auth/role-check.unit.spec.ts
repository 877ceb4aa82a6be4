import { ForbiddenError } from '@edict/core';
import { hasAnyRole, requireAnyRole } from './role-check';

describe('hasAnyRole', () => {
  it('allows when no role is required', () => {
    expect(hasAnyRole([], [])).toBe(true);
  });

  it('allows any one of the required roles', () => {
    expect(hasAnyRole(['reviewer'], ['security', 'reviewer'])).toBe(true);
  });

  it('denies when none matches, and admin is no wildcard', () => {
    expect(hasAnyRole([], ['author'])).toBe(false);
    expect(hasAnyRole(['admin', 'auditor'], ['security'])).toBe(false);
  });
});

describe('requireAnyRole', () => {
  it('throws 403 AUTH.ROLE_REQUIRED naming the required roles', () => {
    expect.assertions(4);
    try {
      requireAnyRole(['author'], ['security', 'admin']);
    } catch (error) {
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error).toMatchObject({ code: 'AUTH.ROLE_REQUIRED', status: 403, details: { requiredRoles: ['security', 'admin'] } });
      expect((error as Error).message).toContain('security, admin');
    }
    expect(() => requireAnyRole(['admin'], ['admin'])).not.toThrow();
  });
});
