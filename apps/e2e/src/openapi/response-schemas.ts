import Ajv from 'ajv';
import addFormats from 'ajv-formats';

type Content = Readonly<Record<string, { readonly schema?: unknown }>>;
type Operation = { readonly responses?: Readonly<Record<string, { readonly content?: Content }>> };
/** The part of an OpenAPI 3.0 document these checks read. */
export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, unknown>> };
}

/** Every object schema that lists its properties refuses others: an answer must not carry an undocumented field. */
const closed = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(closed);
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, closed(value)]));
  return 'properties' in copy && !('additionalProperties' in copy) && !('allOf' in copy) ? { ...copy, additionalProperties: false } : copy;
};

const templateOf = (template: string): RegExp => new RegExp(`^${template.replace(/[.:*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);

/** The documented path (`/v1/bundles/{policyId}`) a concrete one (`/v1/bundles/org%2Fbaseline`) is asked on. */
export const documentedPath = (doc: OpenApiDocument, method: string, path: string): string | undefined =>
  Object.keys(doc.paths).find((template) => doc.paths[template]?.[method] !== undefined && templateOf(template).test(path.split('?')[0] ?? ''));

/** What is wrong with an answer by its documented JSON schema (none: it conforms, every field documented). */
export function answerProblems(doc: OpenApiDocument, method: string, path: string, status: number, body: unknown): string[] {
  const template = documentedPath(doc, method, path);
  if (!template) return [`${method.toUpperCase()} ${path}: not in the document`];
  const schema = doc.paths[template]?.[method]?.responses?.[String(status)]?.content?.['application/json']?.schema;
  if (!schema) return [`${method.toUpperCase()} ${template}: no JSON schema for ${status}`];
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  if (ajv.validate(closed({ ...schema, components: doc.components }) as object, body)) return [];
  return (ajv.errors ?? []).map((e) => `${method.toUpperCase()} ${template} ${status}: ${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** 2xx answers other than 204 that declare no content at all (neither a JSON schema nor another media type). */
export const undocumentedAnswers = (doc: OpenApiDocument): string[] =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).flatMap(([method, operation]) =>
      Object.entries(operation.responses ?? {})
        .filter(([status, answer]) => status.startsWith('2') && status !== '204' && Object.keys(answer.content ?? {}).length === 0)
        .map(([status]) => `${method.toUpperCase()} ${path} ${status}`)));
