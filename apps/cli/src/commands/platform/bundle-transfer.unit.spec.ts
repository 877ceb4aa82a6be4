import { InvalidArgumentError } from 'commander';
import { parseTtl } from './bundle-transfer.commands';

describe('parseTtl (--ttl)', () => {
  it.each([
    ['1', 1],
    ['90s', 90],
    ['30m', 1800],
    ['24h', 86400],
    ['7d', 604800],
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(parseTtl(text)).toBe(seconds);
  });

  it.each(['0', '0h', '-1s', '1.5h', '1w', 'h', ''])('refuses %j', (text) => {
    expect(() => parseTtl(text)).toThrow(InvalidArgumentError);
  });
});
