import { contextFromHeaders } from './correlation-headers';
import { currentContext, runWithContext } from './correlation.context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('correlation context', () => {
  it('is undefined outside of runWithContext', () => {
    expect(currentContext()).toBeUndefined();
  });

  it('follows the work across awaits and timers, and nests', async () => {
    await runWithContext({ correlationId: 'c-1', causationId: 'e-1' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(currentContext()).toEqual({ correlationId: 'c-1', causationId: 'e-1' });
      await runWithContext({ correlationId: 'c-1', causationId: 'e-2' }, async () => {
        await Promise.resolve();
        expect(currentContext()?.causationId).toBe('e-2');
      });
      expect(currentContext()?.causationId).toBe('e-1');
    });
    expect(currentContext()).toBeUndefined();
  });

  it('starts a new correlation when none is given, and returns what fn returns', () => {
    const context = runWithContext({}, () => currentContext());
    expect(context?.correlationId).toMatch(UUID);
    expect(context).not.toHaveProperty('causationId');
  });
});

describe('contextFromHeaders', () => {
  it('takes well-formed ids from the request', () => {
    expect(contextFromHeaders({ 'x-correlation-id': 'req-42', 'x-causation-id': 'evt:7' })).toEqual({ correlationId: 'req-42', causationId: 'evt:7' });
  });

  it('replaces missing, malformed or oversized ids', () => {
    for (const bad of [undefined, '', 'a b', 'line\nbreak', '<script>', 'x'.repeat(129)]) {
      const context = contextFromHeaders({ 'x-correlation-id': bad, 'x-causation-id': bad });
      expect(context.correlationId).toMatch(UUID);
      expect(context).not.toHaveProperty('causationId');
    }
  });

  it('uses the first of repeated headers', () => {
    expect(contextFromHeaders({ 'x-correlation-id': ['one', 'two'] }).correlationId).toBe('one');
  });
});
