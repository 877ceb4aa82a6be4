import { ForbiddenError } from '@edict/core';
import { requireSubject, subjectBindingFromEnv } from './subject-binding';

describe('subject binding', () => {
  it('defaults to the request subject and reads the token binding', () => {
    expect(subjectBindingFromEnv({})).toBe('request');
    expect(subjectBindingFromEnv({ EDICT_PDP_SUBJECT_BINDING: 'token' })).toBe('token');
    expect(() => subjectBindingFromEnv({ EDICT_PDP_SUBJECT_BINDING: 'caller' })).toThrow(/request' or 'token/);
  });

  it('given the token binding, refuses another subject and admits the caller’s own', () => {
    expect(() => requireSubject('token', 'agent-7', 'svc-web')).toThrow(ForbiddenError);
    expect(() => requireSubject('token', 'svc-web', 'svc-web')).not.toThrow();
    expect(() => requireSubject('request', 'agent-7', 'svc-web')).not.toThrow();
  });
});
