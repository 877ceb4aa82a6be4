import type { RegoSource } from '@edict/opa';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `spec.rego` of a document when it has at least one module (the Rego checks run only then). */
export function regoSourceOf(document: unknown): RegoSource | undefined {
  const spec = isRecord(document) ? document['spec'] : undefined;
  const rego = isRecord(spec) ? spec['rego'] : undefined;
  if (!isRecord(rego) || !isRecord(rego['modules'])) return undefined;
  const modules = Object.fromEntries(Object.entries(rego['modules']).filter((e): e is [string, string] => typeof e[1] === 'string'));
  if (Object.keys(modules).length === 0) return undefined;
  return { modules, ...(isRecord(rego['data']) && { data: rego['data'] }) };
}
