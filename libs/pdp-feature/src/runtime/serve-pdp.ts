import { createLogger } from '@edict/observability';
import { startPdpRuntime, type PdpRuntime } from './pdp-runtime';

/**
 * What `apps/pdp` runs: the lean runtime on `port`, stopped gracefully on SIGTERM or SIGINT (no
 * new requests, the decision log drained to Kafka), then exit 0; a failed start or stop exits 1.
 * A second signal while stopping exits at once.
 */
export async function servePdp(port: number): Promise<PdpRuntime> {
  let runtime: PdpRuntime;
  try {
    runtime = await startPdpRuntime({ port });
  } catch {
    process.exit(1);
  }
  const stop = (signal: NodeJS.Signals): void => {
    process.once(signal, () => process.exit(1));
    runtime.components.logger.info({ signal }, 'pdp stopping');
    void runtime.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        createLogger('pdp').error({ err: error }, 'pdp did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return runtime;
}
