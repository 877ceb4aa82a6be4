import { appendCases } from './append.contract-cases';
import { chainCases } from './chain.contract-cases';
import { concurrencyCases } from './concurrency.contract-cases';
import { contractContext, type EventStoreFactory } from './contract-context';
import { expectedRevisionCases } from './expected-revision.contract-cases';
import { readAllCases } from './read-all.contract-cases';
import { subscriptionCases } from './subscription.contract-cases';

export type { ContractStore, EventStoreFactory } from './contract-context';

/**
 * The one contract every EventStore adapter passes (ARCHITECTURE.md "Event sourcing"). Call it
 * from an adapter's `*.int.spec.ts` with a factory that opens a store on a namespace fresh for
 * that file (a Postgres schema, an ESDB log stream); the factory is called once for the file and
 * once per extra connection a case needs. Cases isolate themselves with random stream ids and
 * categories, so they only assume that nothing else writes to the namespace while they run.
 */
export function describeEventStoreContract(adapterName: string, factory: EventStoreFactory): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    const ctx = contractContext(factory);
    appendCases(ctx);
    expectedRevisionCases(ctx);
    readAllCases(ctx);
    chainCases(ctx);
    subscriptionCases(ctx);
    concurrencyCases(ctx);
  });
}
