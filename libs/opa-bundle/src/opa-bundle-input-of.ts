import type { BuildOpaBundleInput } from './opa-bundle.types';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The OPA bundle input of a stored version: its `spec.rego` modules (and data), or undefined when
 * the document has no Rego module (a CEL-only version has no OPA form). Signing builds the form
 * from this and distribution rebuilds it from this, so both read the document the same way.
 */
export function opaBundleInputOf(policyId: string, version: string, document: unknown): BuildOpaBundleInput | undefined {
  const spec = isRecord(document) ? document['spec'] : undefined;
  const rego = isRecord(spec) ? spec['rego'] : undefined;
  if (!isRecord(rego) || !isRecord(rego['modules'])) return undefined;
  const modules = Object.fromEntries(Object.entries(rego['modules']).filter((e): e is [string, string] => typeof e[1] === 'string'));
  if (Object.keys(modules).length === 0) return undefined;
  return { policyId, version, rego: { modules, ...(isRecord(rego['data']) && { data: rego['data'] }) } };
}
