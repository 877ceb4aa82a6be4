import type { DecisionRequest } from '../model/decision.types';
import { isKubernetesObject, isTerraformPlan, KUBERNETES, TERRAFORM_PLAN } from './builtin-mappings';
import type { InputMapping } from './input-mapping.types';
import { isPath, parsePath, readPath } from './read-path';

/** One item of a document as a request, or why it could not be made one. */
export type DocumentItem =
  | { readonly label: string; readonly request: DecisionRequest }
  | { readonly label: string; readonly problem: string };

export type DocumentRequests =
  | { readonly ok: true; readonly mapping: string; readonly items: readonly DocumentItem[] }
  | { readonly ok: false; readonly message: string };

const BUILTINS = [TERRAFORM_PLAN.name, KUBERNETES] as const;

/**
 * The requests `edict check` decides for the documents of one file (a YAML stream may hold
 * several): by the mapping named `choose` (the bundle's `spec.inputs`, or a built-in), else the
 * bundle's first mapping whose `items` path holds an array, else a Terraform plan or Kubernetes
 * objects recognised by shape.
 */
export function documentRequests(documents: readonly unknown[], inputs: readonly InputMapping[], choose?: string): DocumentRequests {
  if (choose !== undefined) {
    const declared = inputs.find((m) => m.name === choose);
    if (declared) return viaMapping(documents, declared);
    if (choose === TERRAFORM_PLAN.name) return viaMapping(documents, TERRAFORM_PLAN);
    if (choose === KUBERNETES) return kubernetes(documents);
    return { ok: false, message: `no input mapping '${choose}': the bundle declares ${inputs.length > 0 ? inputs.map((m) => `'${m.name}'`).join(', ') : 'none'}; built in: ${BUILTINS.join(', ')}` };
  }
  const declared = inputs.find((m) => m.items !== undefined && m.items !== '$' && documents.some((d) => Array.isArray(readPath(d, parsePath(m.items!) ?? []))));
  if (declared) return viaMapping(documents, declared);
  if (documents.length > 0 && documents.every(isTerraformPlan)) return viaMapping(documents, TERRAFORM_PLAN);
  if (documents.length > 0 && documents.every(isKubernetesObject)) return kubernetes(documents);
  const whole = inputs.find((m) => m.items === undefined || m.items === '$');
  if (whole) return viaMapping(documents, whole);
  return { ok: false, message: `cannot tell how to read this document: it is neither a Terraform plan (resource_changes) nor Kubernetes objects; declare spec.inputs in the bundle or pass --input` };
}

function viaMapping(documents: readonly unknown[], mapping: InputMapping): DocumentRequests {
  const itemsPath = parsePath(mapping.items ?? '$');
  if (!itemsPath) return { ok: false, message: `input mapping '${mapping.name}': items '${mapping.items}' is not a path like $.resource_changes` };
  const items: DocumentItem[] = [];
  for (const document of documents) {
    const found = readPath(document, itemsPath);
    if (mapping.items !== undefined && mapping.items !== '$' && !Array.isArray(found)) continue;
    for (const item of Array.isArray(found) && itemsPath.length > 0 ? found : [found]) items.push(requestOf(item, mapping, items.length));
  }
  return { ok: true, mapping: mapping.name, items };
}

function requestOf(item: unknown, mapping: InputMapping, index: number): DocumentItem {
  const text = (field: string, what: string): string | { problem: string } => {
    if (!isPath(field)) return field;
    const value = readPath(item, parsePath(field) ?? ['\u0000']);
    if (typeof value === 'string' && value.length > 0) return value;
    if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return value.join('-');
    return { problem: `${what} (${field}) is ${value === undefined ? 'missing' : 'not a string'}` };
  };
  const resource = text(mapping.resource, 'resource');
  const label = typeof resource === 'string' ? resource : `item ${index + 1}`;
  const action = text(mapping.action, 'action');
  const agent = text(mapping.agent ?? mapping.name, 'agent');
  for (const field of [resource, action, agent]) if (typeof field !== 'string') return { label, problem: field.problem };
  const context = readPath(item, parsePath(mapping.context ?? '$') ?? ['\u0000']);
  const asContext = typeof context === 'object' && context !== null && !Array.isArray(context) ? (context as Record<string, unknown>) : {};
  return { label, request: { agent: agent as string, action: action as string, resource: resource as string, context: asContext } };
}

function kubernetes(documents: readonly unknown[]): DocumentRequests {
  const objects = documents.flatMap((d) => (isKubernetesObject(d) && d['kind'] === 'List' && Array.isArray(d['items']) ? (d['items'] as unknown[]) : [d]));
  const items = objects.map((object, index): DocumentItem => {
    if (!isKubernetesObject(object)) return { label: `object ${index + 1}`, problem: 'not a Kubernetes object (apiVersion and kind)' };
    const metadata = (typeof object['metadata'] === 'object' && object['metadata'] !== null ? object['metadata'] : {}) as Record<string, unknown>;
    const name = typeof metadata['name'] === 'string' ? metadata['name'] : '';
    const namespace = typeof metadata['namespace'] === 'string' ? metadata['namespace'] : 'default';
    const resource = `${String(object['kind'])}/${namespace}/${name}`;
    if (name === '') return { label: resource, problem: 'metadata.name is missing' };
    return { label: resource, request: { agent: KUBERNETES, action: 'apply', resource, context: object } };
  });
  return { ok: true, mapping: KUBERNETES, items };
}
