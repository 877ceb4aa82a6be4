import { ValidationError } from '@edict/core';
import { assertExpectedRevision, assertStreamId, prepareNewEvents } from './append-input.validator';

const ids = { next: () => '00000000-0000-4000-8000-0000000000aa' };
const invalid = expect.objectContaining({ code: 'EVENT_STORE.INVALID_INPUT', status: 400 });

describe('prepareNewEvents', () => {
  it('given events without ids or metadata, then ids are assigned and metadata defaults to {}', () => {
    const [event] = prepareNewEvents([{ type: 'BundleDrafted', data: { a: 1 } }], ids);

    expect(event).toEqual({ eventId: ids.next(), type: 'BundleDrafted', data: { a: 1 }, metadata: {} });
  });

  it('given data with undefined properties and -0, then it is normalised as JSON stores it', () => {
    const [event] = prepareNewEvents([{ type: 'T', data: { keep: 1, drop: undefined, zero: -0 } }], ids);

    expect(Object.is((event!.data as { zero: number }).zero, 0)).toBe(true);
    expect(event!.data).toEqual({ keep: 1, zero: 0 });
    expect(Object.keys(event!.data as object)).toEqual(['keep', 'zero']);
  });

  it('given an empty list, then it throws a ValidationError', () => {
    expect(() => prepareNewEvents([], ids)).toThrow(ValidationError);
  });

  it.each<[string, unknown]>([
    ['a function', () => 1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a bigint', 1n],
    ['undefined', undefined],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    ['an undefined array item', [1, undefined]],
    ['a NUL character', { s: 'a\u0000b' }],
    ['a lone surrogate', { s: '\ud800' }],
    ['a symbol', Symbol('x')],
  ])('given data with %s, then it throws EVENT_STORE.INVALID_INPUT', (_what, data) => {
    expect(() => prepareNewEvents([{ type: 'T', data }], ids)).toThrow(invalid);
  });

  it('given circular data, then it throws EVENT_STORE.INVALID_INPUT', () => {
    const data: Record<string, unknown> = {};
    data.self = data;

    expect(() => prepareNewEvents([{ type: 'T', data }], ids)).toThrow(invalid);
  });

  it('given a bad event id, an empty type or array metadata, then it throws', () => {
    expect(() => prepareNewEvents([{ eventId: 'nope', type: 'T', data: {} }])).toThrow(invalid);
    expect(() => prepareNewEvents([{ type: '', data: {} }])).toThrow(invalid);
    expect(() => prepareNewEvents([{ type: 'T', data: {}, metadata: [] as never }])).toThrow(invalid);
  });

  it('given the same event id twice in one append, then it throws', () => {
    expect(() => prepareNewEvents([{ type: 'T', data: 1 }, { type: 'T', data: 2 }], ids)).toThrow(invalid);
  });
});

describe('assertStreamId / assertExpectedRevision', () => {
  it.each(['', '$all', 42])('given stream id %p, then it throws', (streamId) => {
    expect(() => assertStreamId(streamId)).toThrow(invalid);
  });

  it.each([-1, 1.5, 'latest', null])('given expected revision %p, then it throws', (expected) => {
    expect(() => assertExpectedRevision(expected)).toThrow(invalid);
  });

  it.each([0, 7, 'no_stream', 'stream_exists', 'any'])('given expected revision %p, then it passes', (expected) => {
    expect(() => assertExpectedRevision(expected)).not.toThrow();
  });
});
