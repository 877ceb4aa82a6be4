import { parseAllDocuments } from 'yaml';
import { readTextFile } from './read-text-file';

/** A document file `edict check` refuses beyond this size (Terraform plans of large estates fit). */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/**
 * The documents in a JSON file, or in a YAML file or stream (`---` between documents; empty
 * documents skipped). A parse error names the file and where it is.
 */
export function readDocuments(path: string): unknown[] {
  const text = readTextFile(path, MAX_DOCUMENT_BYTES, 'document');
  if (/^\s*[[{]/.test(text)) {
    try {
      return [JSON.parse(text) as unknown];
    } catch (error) {
      throw new Error(`document '${path}' is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const documents = parseAllDocuments(text);
  const list = Array.isArray(documents) ? documents : [documents];
  const broken = list.find((d) => d.errors.length > 0);
  if (broken) throw new Error(`document '${path}' is not valid YAML: ${broken.errors[0]?.message ?? 'parse error'}`);
  return list.map((d) => d.toJS({ maxAliasCount: 100 }) as unknown).filter((d) => d !== null && d !== undefined);
}
