import { StringDecoder } from 'node:string_decoder';

/**
 * Splits a byte or text stream (a file, an HTTP body) into batches of lines, one batch per
 * chunk, for verifyAuditExport: a chunk's lines are then checked without an await per line.
 * `\r\n` ends a line as `\n` does; a last line without a newline is yielded at the end.
 */
export async function* ndjsonLineBatches(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of chunks) {
    const text = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    if (lines.length > 0) yield text.includes('\r') ? lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line)) : lines;
  }
  const last = rest + decoder.end();
  if (last !== '') yield [last.endsWith('\r') ? last.slice(0, -1) : last];
}
