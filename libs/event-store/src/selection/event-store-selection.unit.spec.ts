import { ValidationError } from '@edict/core';
import { parseEventStoreSelection } from './event-store-selection';

describe('parseEventStoreSelection (EDICT_EVENT_STORE)', () => {
  it('given nothing set, then the store is postgres', () => {
    expect(parseEventStoreSelection({})).toEqual({ kind: 'postgres' });
    expect(parseEventStoreSelection({ EDICT_EVENT_STORE: '  ' })).toEqual({ kind: 'postgres' });
  });

  it('given postgres, then postgres, whatever EVENTSTORE_CONNECTION_STRING says', () => {
    expect(parseEventStoreSelection({ EDICT_EVENT_STORE: 'postgres', EVENTSTORE_CONNECTION_STRING: 'esdb://x:2113' })).toEqual({ kind: 'postgres' });
  });

  it('given eventstoredb with a connection string, then eventstoredb with that string', () => {
    const env = { EDICT_EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: ' esdb://localhost:2113?tls=false ' };
    expect(parseEventStoreSelection(env)).toEqual({ kind: 'eventstoredb', connectionString: 'esdb://localhost:2113?tls=false' });
  });

  it('given eventstoredb without a connection string, then a startup error naming the variable', () => {
    const parse = (): unknown => parseEventStoreSelection({ EDICT_EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: '' });
    expect(parse).toThrow(ValidationError);
    expect(parse).toThrow(expect.objectContaining({ code: 'EVENT_STORE.CONNECTION_STRING_MISSING', message: expect.stringContaining('EVENTSTORE_CONNECTION_STRING') }));
  });

  it('given an unknown value, then a startup error listing the allowed ones', () => {
    const parse = (): unknown => parseEventStoreSelection({ EDICT_EVENT_STORE: 'Postgres' });
    expect(parse).toThrow(expect.objectContaining({ code: 'EVENT_STORE.UNKNOWN_ADAPTER', message: expect.stringContaining('postgres, eventstoredb') }));
  });
});
