import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import bundleSchema from '../format/bundle.schema.json';
import type { BundleProblem } from '../model/bundle-problem';
import { schemaErrorToProblem } from './schema-error-to-problem';

/** The JSON Schema of the bundle format (also at libs/policy-engine/src/format/bundle.schema.json). */
export const BUNDLE_SCHEMA: Readonly<Record<string, unknown>> = bundleSchema;

// Compiled once per process, on first use (a process that never checks a schema, such as a CLI
// command or a PDP without a policy, does not pay its ~200 ms and ~9 MB); `verbose` keeps the
// failing schema so messages can name what is allowed.
let compiled: ValidateFunction | undefined;
const validator = (): ValidateFunction => (compiled ??= new Ajv({ allErrors: true, verbose: true, strict: true }).compile(bundleSchema));

/** At most this many schema problems are reported: past that they are noise. */
const MAX_SCHEMA_PROBLEMS = 100;

/** Checks a document against the bundle JSON Schema: types, required and unknown fields, enums. */
export function validateSchema(document: unknown): BundleProblem[] {
  const validate = validator();
  if (validate(document)) return [];
  const errors: ErrorObject[] = validate.errors ?? [];
  const problems = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'if').map(schemaErrorToProblem);
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path ?? ''}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, MAX_SCHEMA_PROBLEMS);
}
