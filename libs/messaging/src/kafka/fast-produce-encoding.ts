import { createRequire } from 'node:module';
import { crc32c } from './crc32c';
import { PATCHED_KAFKAJS_VERSION } from './kafkajs-internals';
import { encodeProduceRequest, type ProduceArgs } from './produce-request.encoder';

/** What kafkajs's protocol layer reads of a request: `encode` must give an Encoder (it reads `buf` and `buffer`). */
interface KafkajsRequest { encode: () => Promise<unknown> }
type ProduceVersion = (args: ProduceArgs) => { request: KafkajsRequest; response: unknown };
interface ProduceProtocol { protocol: (v: { version: number }) => ProduceVersion }
interface KafkajsEncoder { buf: Buffer; offset: number }

const FAST_VERSIONS = new Set([3, 4, 5, 6, 7]);
let applied: boolean | undefined;

/**
 * Makes this process's kafkajs encode Produce v3–v7 requests with encodeProduceRequest: the same
 * bytes, in one pass into one buffer, where kafkajs builds an Encoder per record and per header,
 * grows buffers by copying, computes varints with 64-bit Long arithmetic and checksums byte by
 * byte (measured on the PDP: most of its CPU per logged decision). A request it does not cover
 * (compression, message timestamps, header arrays) is encoded by kafkajs as before. Once per
 * process, on kafkajs 2.2.4 only, unless EDICT_KAFKA_FAST_PRODUCE=false; returns whether it is in use.
 */
export function useFastProduceEncoding(env: NodeJS.ProcessEnv = process.env): boolean {
  if (applied !== undefined) return applied;
  const load = createRequire(__filename);
  applied = env['EDICT_KAFKA_FAST_PRODUCE'] !== 'false' && (load('kafkajs/package.json') as { version: string }).version === PATCHED_KAFKAJS_VERSION; // the encoding mirrors 2.2.4's; another version keeps its own encoder
  if (!applied) return false;
  const Encoder = load('kafkajs/src/protocol/encoder.js') as new (size: number) => KafkajsEncoder;
  const produce = load('kafkajs/src/protocol/requests/produce/index.js') as ProduceProtocol;
  const base = produce.protocol;
  produce.protocol = ({ version }) => {
    const versioned = base({ version });
    if (!FAST_VERSIONS.has(version)) return versioned;
    return (args) => {
      const built = versioned(args);
      const kafkajsEncode = built.request.encode;
      built.request.encode = () => {
        const bytes = encodeProduceRequest(args, Date.now(), crc32c);
        if (!bytes) return kafkajsEncode();
        const encoder = new Encoder(1);
        encoder.buf = bytes;
        encoder.offset = bytes.length;
        return Promise.resolve(encoder);
      };
      return built;
    };
  };
  return true;
}
