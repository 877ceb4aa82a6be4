import { closeSync, existsSync, openSync, readSync, statSync, truncateSync } from 'node:fs';

const TAIL = 1 << 20;

/**
 * Where a partial export file stops: the position of its last complete line. A line cut off by an
 * interrupted transfer (no newline after it) is truncated away, so the resumed export appends
 * cleanly after it. 0 when the file is absent or empty.
 */
export function resumePoint(file: string): number {
  if (!existsSync(file)) return 0;
  const size = statSync(file).size;
  if (size === 0) return 0;
  const start = Math.max(0, size - TAIL);
  const buffer = Buffer.alloc(size - start);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, start);
  } finally {
    closeSync(fd);
  }
  const text = buffer.toString('utf8');
  const end = text.lastIndexOf('\n');
  if (end < 0) {
    if (start > 0) throw new Error(`${file}: no complete line in its last ${TAIL} bytes; not an audit export`);
    truncateSync(file, 0);
    return 0;
  }
  const keep = start + Buffer.byteLength(text.slice(0, end + 1));
  if (keep < size) truncateSync(file, keep);
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  if (lineStart === 0 && start > 0) throw new Error(`${file}: its last line is longer than ${TAIL} bytes; not an audit export`);
  const position = (JSON.parse(text.slice(lineStart, end)) as { position?: unknown }).position;
  if (typeof position !== 'number') throw new Error(`${file}: its last line has no position; not an audit export`);
  return position;
}
