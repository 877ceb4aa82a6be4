import { regexUnsafeReason } from './regex-safety';

describe('regexUnsafeReason', () => {
  it.each(['^repos/[a-z-]+/main$', 'a*b+c?', '(ab|cd)+', '[(+*)]+', '\\(a+\\)+'])('given the safe pattern %s, then it is accepted', (pattern) => {
    expect(regexUnsafeReason(pattern)).toBeNull();
  });

  it.each([
    ['(a+)+', 'quantified group'],
    ['(a|b*)*', 'quantified group'],
    ['((ab)*c)+', 'quantified group'],
    ['(a)\\1', 'back-references'],
    ['(', 'invalid regular expression'],
  ])('given the unsafe pattern %s, then it is refused', (pattern, reason) => {
    expect(regexUnsafeReason(pattern)).toContain(reason);
  });
});
