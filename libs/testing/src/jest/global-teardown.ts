import { getInfraState, setInfraState } from './infra-state';

/** Jest global teardown: stops what global setup started, once, whichever project runs first. */
export default async function globalTeardown(): Promise<void> {
  const state = getInfraState();
  setInfraState(undefined);
  await state?.handle?.stop();
}
