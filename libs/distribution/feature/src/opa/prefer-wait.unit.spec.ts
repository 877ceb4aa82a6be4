import { preferWait } from './prefer-wait';

describe('preferWait', () => {
  it('reads wait=N from what OPA sends, and nothing from other preferences', () => {
    expect(preferWait('modes=snapshot,delta;wait=30', 300)).toBe(30);
    expect(preferWait('wait=300', 300)).toBe(300);
    expect(preferWait('modes=snapshot,delta', 300)).toBeUndefined();
    expect(preferWait(undefined, 300)).toBeUndefined();
  });

  it.each(['wait=0', 'wait=301', 'wait=-1', 'wait=abc', 'wait=1.5', 'wait='])('refuses %s with OPA.PREFER_WAIT_INVALID', (prefer) => {
    expect(() => preferWait(prefer, 300)).toThrow(expect.objectContaining({ code: 'OPA.PREFER_WAIT_INVALID', status: 400 }));
  });
});
