import { UnavailableError, ValidationError } from '@edict/core';
import { storeError } from './pg-errors';

const pgError = (code: string, message = 'boom'): Error => Object.assign(new Error(message), { code });

describe('storeError', () => {
  it.each([pgError('08006'), pgError('57P01'), pgError('53300'), pgError('ECONNREFUSED'), new Error('Connection terminated unexpectedly')])(
    'makes an unreachable Postgres retriable (%s)', (error) => {
      const mapped = storeError(error);
      expect(mapped).toBeInstanceOf(UnavailableError);
      expect(mapped).toMatchObject({ code: 'DECISION_LOG.STORE_UNAVAILABLE', retriable: true });
    });

  it.each(['22P05', '22007', '22008'])('makes a value Postgres refuses (%s) a poison message', (code) => {
    const mapped = storeError(pgError(code, 'unsupported Unicode escape sequence'));
    expect(mapped).toBeInstanceOf(ValidationError);
    expect(mapped).toMatchObject({ code: 'DECISION_LOG.MALFORMED_DECISION', retriable: false, details: { sqlstate: code } });
  });

  it('leaves anything else as it is', () => {
    const bug = pgError('42P01', 'relation "decisions" does not exist');
    expect(storeError(bug)).toBe(bug);
    const edict = new ValidationError('X.Y', 'already ours');
    expect(storeError(edict)).toBe(edict);
  });
});
