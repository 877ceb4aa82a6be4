/** Source formats a bundle can be written in. */
export type BundleFormat = 'yaml' | 'json';

/** Where a bundle's text came from: used for errors and to pick the format. */
export interface BundleSource {
  readonly filename?: string;
  readonly format?: BundleFormat;
}

/** The stated format, else the file extension, else JSON when the text starts with `{`. */
export function detectFormat(text: string, source: BundleSource): BundleFormat {
  if (source.format) return source.format;
  const name = source.filename?.toLowerCase() ?? '';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}
