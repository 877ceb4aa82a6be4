import { InvalidArgumentError } from 'commander';
import { expiryFrom } from './exception.commands';

describe('exception request --expires', () => {
  const now = new Date('2026-12-01T00:00:00.000Z');

  it('takes a duration from now (d, h, m, s) or an ISO time as given', () => {
    expect(expiryFrom('30d', now)).toBe('2026-12-31T00:00:00.000Z');
    expect(expiryFrom('12h', now)).toBe('2026-12-01T12:00:00.000Z');
    expect(expiryFrom('5s', now)).toBe('2026-12-01T00:00:05.000Z');
    expect(expiryFrom('2026-12-24T00:00:00Z', now)).toBe('2026-12-24T00:00:00Z');
  });

  it('refuses anything else', () => {
    expect(() => expiryFrom('next week', now)).toThrow(InvalidArgumentError);
  });
});
