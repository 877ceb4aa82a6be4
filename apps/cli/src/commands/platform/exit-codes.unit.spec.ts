import { errorLine, EXIT, exitCodeFor } from './exit-codes';
import { ServiceCallError } from './http-client';

const problem = (status: number, code: string): ServiceCallError => new ServiceCallError(`${code}: something`, status, code);

describe('exit codes from the problem a service answered', () => {
  it.each([
    [404, 'ROLLOUT.NOT_FOUND', EXIT.notFound],
    [409, 'BUNDLE.VERSION_REUSED', EXIT.conflict],
    [412, 'ROLLOUT.REVISION_MISMATCH', EXIT.conflict],
    [401, 'AUTH.TOKEN_MISSING', EXIT.unauthorised],
    [403, 'BUNDLE.SELF_APPROVAL', EXIT.unauthorised],
    [0, 'CLI.SERVICE_UNREACHABLE', EXIT.unreachable],
    [400, 'REQUEST.INVALID', EXIT.failure],
    [422, 'BUNDLE.INVALID_DOCUMENT', EXIT.failure],
    [500, 'HTTP_500', EXIT.failure],
  ])('given HTTP %i (%s), then exit %i', (status, code, exit) => {
    expect(exitCodeFor(problem(status, code))).toBe(exit);
  });

  it('given an error that is not a service call, then exit 1', () => {
    expect(exitCodeFor(new Error('bundle x.yaml does not exist'))).toBe(1);
  });
});

describe('errorLine', () => {
  it('given a problem, then one line: edict, its code, what happened', () => {
    expect(errorLine(new ServiceCallError('ROLLOUT.NOT_FOUND: no rollout for org/x', 404, 'ROLLOUT.NOT_FOUND'))).toBe('edict: ROLLOUT.NOT_FOUND: no rollout for org/x');
  });

  it('given a message without the code, then the code is put in front; newlines are folded', () => {
    expect(errorLine(new ServiceCallError('authoring is not reachable\n  at x', 0, 'CLI.SERVICE_UNREACHABLE'))).toBe('edict: CLI.SERVICE_UNREACHABLE: authoring is not reachable at x');
    expect(errorLine(new Error('plain'))).toBe('edict: plain');
  });
});
