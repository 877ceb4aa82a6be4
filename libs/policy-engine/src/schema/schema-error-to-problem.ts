import type { ErrorObject } from 'ajv';
import { formatPath, segmentsFromPointer } from '../format/document-path';
import type { BundleProblem } from '../model/bundle-problem';
import { PolicyCodes } from '../model/problem-codes';

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : `${typeof value} ${JSON.stringify(value)}`.slice(0, 80);

/** Turns one ajv error into a problem with a stable code and a path like `spec.rules[3].when`. */
export function schemaErrorToProblem(error: ErrorObject): BundleProblem {
  const segments = segmentsFromPointer(error.instancePath);
  const at = (extra?: string): string => formatPath(extra === undefined ? segments : [...segments, extra]);
  const schema = (error.parentSchema ?? {}) as { description?: string; properties?: Record<string, unknown> };
  const params = error.params as Record<string, unknown>;
  const where = (path: string): string => (path === '' ? 'the document' : path);
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(params['additionalProperty']);
      const allowed = Object.keys(schema.properties ?? {}).join(', ');
      return { code: PolicyCodes.UNKNOWN_FIELD, severity: 'error', path: at(field), message: `unknown field '${field}' in ${where(at())}${allowed ? ` (allowed: ${allowed})` : ''}` };
    }
    case 'required': {
      const field = String(params['missingProperty']);
      return { code: PolicyCodes.FIELD_MISSING, severity: 'error', path: at(), message: `${where(at())} is missing required field '${field}'` };
    }
    case 'type':
      return { code: PolicyCodes.FIELD_TYPE, severity: 'error', path: at(), message: `${where(at())} must be ${String(params['type'])}, not ${describe(error.data)}` };
    case 'enum':
    case 'const': {
      const allowed = error.keyword === 'const' ? [params['allowedValue']] : (params['allowedValues'] as unknown[]);
      return { code: PolicyCodes.FIELD_INVALID, severity: 'error', path: at(), message: `${where(at())} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}, not ${describe(error.data)}` };
    }
    case 'pattern':
      return { code: PolicyCodes.FIELD_INVALID, severity: 'error', path: at(), message: `${where(at())} ${schema.description ? `must be a ${schema.description}` : `must match ${String(params['pattern'])}`}, not ${describe(error.data)}` };
    case 'propertyNames':
      return { code: PolicyCodes.FIELD_INVALID, severity: 'error', path: at(String(params['propertyName'])), message: `'${String(params['propertyName'])}' in ${where(at())} must be a name (letters, digits, _)` };
    default:
      return { code: PolicyCodes.FIELD_INVALID, severity: 'error', path: at(), message: `${where(at())} ${error.message ?? 'is invalid'}` };
  }
}
