/** `spec.rego` of a bundle: modules by file name (`policy.rego`, `policy_test.rego`) and data documents. */
export interface RegoSource {
  readonly modules?: Readonly<Record<string, string>>;
  readonly data?: Readonly<Record<string, unknown>>;
}
