import type { InputMapping } from './input-mapping.types';

/**
 * The shapes `edict check` knows without a `spec.inputs` entry.
 * - `terraform-plan`: `terraform show -json` output; one request per `resource_changes[]` entry,
 *   the resource its address, the action its change actions, the context its attributes after
 *   the change.
 * - `kubernetes`: one object (`apiVersion` + `kind`); a YAML stream or a `kind: List` is split into
 *   its objects first. The resource is `<kind>/<namespace>/<name>` (namespace `default` when unset).
 */
export const TERRAFORM_PLAN: InputMapping = {
  name: 'terraform-plan',
  items: '$.resource_changes',
  agent: 'terraform',
  action: '$.change.actions',
  resource: '$.address',
  context: '$.change.after',
};

export const KUBERNETES = 'kubernetes';

export const isTerraformPlan = (document: unknown): boolean =>
  typeof document === 'object' && document !== null && Array.isArray((document as Record<string, unknown>)['resource_changes']);

export const isKubernetesObject = (document: unknown): document is Record<string, unknown> =>
  typeof document === 'object' && document !== null && typeof (document as Record<string, unknown>)['apiVersion'] === 'string' && typeof (document as Record<string, unknown>)['kind'] === 'string';
