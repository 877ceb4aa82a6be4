import type { ErrorObject, ValidateFunction } from 'ajv';
import bundleSchema from '../format/bundle.schema.json';
import type { BundleProblem } from '../model/bundle-problem';
import { validate as generated } from './bundle-schema.validator.generated';
import { schemaErrorToProblem } from './schema-error-to-problem';

/** The JSON Schema of the bundle format (also at libs/policy-engine/src/format/bundle.schema.json). */
export const BUNDLE_SCHEMA: Readonly<Record<string, unknown>> = bundleSchema;

// Compiled ahead of time by ajv (`allErrors`, and `verbose`, which keeps the failing schema so
// messages can name what is allowed): a process checking bundles loads neither ajv's compiler
// nor a compile (~13 MB and ~200 ms per process that way, ~1 MB this way). A unit spec keeps the
// generated module in step with bundle.schema.json.
const validate = generated as ValidateFunction;

/** At most this many schema problems are reported: past that they are noise. */
const MAX_SCHEMA_PROBLEMS = 100;

/** Checks a document against the bundle JSON Schema: types, required and unknown fields, enums. */
export function validateSchema(document: unknown): BundleProblem[] {
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
