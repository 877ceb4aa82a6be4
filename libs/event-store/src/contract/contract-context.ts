import type { EventStore } from '../port/event-store.port';

/** What a contract factory returns: a store on the adapter's test namespace, and how to close it. */
export interface ContractStore {
  readonly store: EventStore;
  cleanup(): Promise<void>;
}

/**
 * Makes a store on the same backing namespace (Postgres schema, ESDB log stream) every time it is
 * called, each with its own connections: the suite calls it once per concurrent writer.
 */
export type EventStoreFactory = () => Promise<ContractStore>;

/** The stores a contract case uses: one shared for the file, and extra ones closed after each case. */
export interface ContractContext {
  readonly store: EventStore;
  open(): Promise<EventStore>;
}

/** Registers the jest hooks that open and close the stores; call inside a describe. */
export function contractContext(factory: EventStoreFactory): ContractContext {
  let main: ContractStore | undefined;
  const extra: ContractStore[] = [];
  beforeAll(async () => {
    main = await factory();
  });
  afterEach(async () => {
    await Promise.all(extra.splice(0).map((s) => s.cleanup()));
  });
  afterAll(async () => {
    await main?.cleanup();
  });
  return {
    get store(): EventStore {
      if (!main) throw new Error('the contract store is not open (beforeAll failed?)');
      return main.store;
    },
    open: async () => {
      const opened = await factory();
      extra.push(opened);
      return opened.store;
    },
  };
}
