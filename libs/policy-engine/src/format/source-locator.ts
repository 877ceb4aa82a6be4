import type { Document, LineCounter, Node } from 'yaml';
import { parsePath } from './document-path';
import { yaml } from './yaml-on-demand';

/** A 1-based line and column in source text. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** Finds where a document path (`spec.rules[3].when`) is written in the source. */
export type Locator = (path: string) => SourcePosition | undefined;

/**
 * A locator over a parsed YAML document. A path that does not exist resolves to its deepest
 * existing ancestor, so a missing required field points at the object that lacks it; a map
 * key resolves to the key (the start of its `key: value` line).
 */
export function locatorFor(doc: Document, lineCounter: LineCounter): Locator {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  return (path) => {
    let node: unknown = doc.contents;
    let offset: number | undefined = (node as Node | null)?.range?.[0];
    for (const segment of parsePath(path)) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        node = node.items[segment];
        offset = (node as Node).range?.[0] ?? offset;
      } else break;
    }
    if (offset === undefined) return undefined;
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
}

/** A locator over YAML or JSON text (JSON is parsed as YAML flow, which keeps the positions). */
export function createLocator(text: string): Locator {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  return locatorFor(parseDocument(text, { lineCounter }), lineCounter);
}
