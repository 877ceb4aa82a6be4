import type { BundleProblem } from '../model/bundle-problem';
import { Limits } from '../model/limits';
import { PolicyCodes } from '../model/problem-codes';
import { detectFormat } from './detect-format';
import type { BundleFormat, BundleSource } from './detect-format';
import { formatPath } from './document-path';
import { jsonErrorPosition } from './json-error-position';
import { findNonFinite, findTooDeep, flowNestingExceeds, utf8ByteLength } from './measure-size';
import { locatorFor } from './source-locator';
import { yaml } from './yaml-on-demand';
import type { Locator } from './source-locator';

/** The result of parsing: the plain document (not yet validated), or precise syntax errors. */
export type ParseBundleResult =
  | { readonly ok: true; readonly document: unknown; readonly format: BundleFormat; readonly locate: Locator }
  | { readonly ok: false; readonly errors: readonly BundleProblem[] };

const fail = (source: BundleSource, code: string, message: string, at?: { line: number; column: number }, path?: string): ParseBundleResult => ({
  ok: false,
  errors: [{ code, message, severity: 'error', ...(path !== undefined && { path }), ...at, ...(source.filename !== undefined && { filename: source.filename }) }],
});

/**
 * Parses bundle text (YAML or JSON) into a plain document. Refuses text over
 * `Limits.maxBundleBytes`, nesting deeper than the limits, duplicate keys, multiple YAML
 * documents, alias bombs and numbers that are not finite, each with the line and column. Never throws.
 */
export function parseBundleText(text: string, source: BundleSource = {}): ParseBundleResult {
  const bytes = text.length > Limits.maxBundleBytes ? text.length : utf8ByteLength(text);
  if (bytes > Limits.maxBundleBytes) {
    return fail(source, PolicyCodes.BUNDLE_TOO_LARGE, `bundle is ${bytes} bytes; the limit is ${Limits.maxBundleBytes} bytes (1 MiB)`);
  }
  const deepAt = flowNestingExceeds(text, Limits.maxFlowNesting);
  if (deepAt) return fail(source, PolicyCodes.BUNDLE_TOO_DEEP, `brackets nest deeper than ${Limits.maxFlowNesting} levels`, deepAt);
  const format = detectFormat(text, source);
  try {
    const { LineCounter, parseDocument } = yaml();
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
    const locate = locatorFor(doc, lineCounter);
    const syntax = doc.errors[0];
    let document: unknown;
    if (format === 'json') {
      const error = jsonErrorPosition(text);
      if (error) {
        const at = lineCounter.linePos(error.offset);
        return fail(source, PolicyCodes.BUNDLE_SYNTAX, `invalid JSON: ${error.message}`, { line: at.line, column: at.col });
      }
      document = JSON.parse(text);
      // JSON.parse keeps the last of duplicate keys; the YAML parse of the same text refuses them.
      if (syntax && syntax.code === 'DUPLICATE_KEY') {
        const at = syntax.linePos?.[0];
        return fail(source, PolicyCodes.BUNDLE_SYNTAX, `invalid JSON: ${firstLine(syntax.message)}`, at && { line: at.line, column: at.col });
      }
    } else {
      if (syntax) {
        const at = syntax.linePos?.[0];
        return fail(source, PolicyCodes.BUNDLE_SYNTAX, `invalid YAML: ${firstLine(syntax.message)}`, at && { line: at.line, column: at.col });
      }
      document = doc.toJS({ maxAliasCount: 100 });
    }
    const tooDeep = findTooDeep(document, Limits.maxDocumentDepth);
    if (tooDeep) {
      const path = formatPath(tooDeep);
      return fail(source, PolicyCodes.BUNDLE_TOO_DEEP, `document nests deeper than ${Limits.maxDocumentDepth} levels`, locate(path), path);
    }
    const nonFinite = findNonFinite(document);
    if (nonFinite) {
      const path = formatPath(nonFinite);
      return fail(source, PolicyCodes.BUNDLE_NON_FINITE_NUMBER, `${path || 'the document'} is not a finite number (infinite, NaN or out of range)`, locate(path), path);
    }
    return { ok: true, document, format, locate };
  } catch (e) {
    // The parser's own limits (alias expansion, stack depth) surface as exceptions.
    return fail(source, PolicyCodes.BUNDLE_SYNTAX, `cannot parse ${format.toUpperCase()}: ${(e as Error).message}`);
  }
}

const firstLine = (message: string): string => message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
