/**
 * `spec.inputs[]`: how `edict check` turns a whole document (a Terraform plan, Kubernetes
 * manifests, a team's own format) into decision requests, one per item.
 *
 * Each of `agent`, `action`, `resource` and `context` is either a path into the item, written
 * `$.a.b[0].c` (`$` alone is the item itself), or a literal string. An array read for `action`
 * or `resource` is joined with `-` (Terraform's `["delete", "create"]` becomes `delete-create`).
 */
export interface InputMapping {
  /** how the mapping is chosen with `edict check --input <name>` and named in the report */
  readonly name: string;
  /** path to the array of items in the document; `$` (the default) makes the document one item */
  readonly items?: string;
  /** default: the mapping's name */
  readonly agent?: string;
  readonly action: string;
  readonly resource: string;
  /** default: `$` (the whole item); must read an object */
  readonly context?: string;
}
