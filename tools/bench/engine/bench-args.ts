/** Command-line options of `npm run bench:engine -- [options]`. */
export interface BenchArgs {
  /** also compare the PDP sidecar with OPA over HTTP (starts Kafka, Postgres and the services) */
  readonly http: boolean;
}

const USAGE = 'usage: npm run bench:engine [-- --no-http]   (--http, the default, also runs the PDP sidecar vs OPA over HTTP)';

/** `--http` (default) or `--no-http`; anything else is refused, so a typo does not silently run the slow part. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  let http = true;
  for (const arg of argv) {
    if (arg === '--http') http = true;
    else if (arg === '--no-http') http = false;
    else throw new Error(`unknown option '${arg}'\n${USAGE}`);
  }
  return { http };
}
