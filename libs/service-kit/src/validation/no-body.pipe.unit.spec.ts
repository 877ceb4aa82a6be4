import { ValidationError } from '@edict/core';
import { NoBodyPipe } from './no-body.pipe';

const pipe = new NoBodyPipe();
const refusal = (value: unknown): unknown => {
  try {
    pipe.transform(value);
  } catch (error: unknown) {
    return error;
  }
  return undefined;
};

describe('NoBodyPipe', () => {
  it.each([undefined, null, {}])('lets %j through: a command without a body', (value) => {
    expect(pipe.transform(value)).toBeUndefined();
  });

  it('refuses members as unknown fields, naming each', () => {
    const error = refusal({ force: true, reason: 'x' });
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      code: 'REQUEST.INVALID',
      status: 400,
      details: { errors: [{ path: 'force', message: 'property force should not exist' }, { path: 'reason', message: 'property reason should not exist' }] },
    });
  });

  it.each([[[1]], ['text'], [42]])('refuses %j: not a body this command reads', (value) => {
    expect(refusal(value)).toMatchObject({ code: 'REQUEST.INVALID', details: { errors: [{ path: '' }] } });
  });
});
