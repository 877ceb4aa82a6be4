import Table from 'cli-table3';
import pc from 'picocolors';

/** Colours only where picocolors allows them (a terminal, NO_COLOR unset). */
export const colors = pc.createColors(pc.isColorSupported && process.env['NO_COLOR'] === undefined);

/** A plain table: no colours from cli-table3 itself, the head in bold where colours are on. */
export function table(head: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const t = new Table({ head: head.map((h) => colors.bold(h)), style: { head: [], border: [] } });
  for (const row of rows) t.push(row.map((cell) => (cell === undefined || cell === null ? '' : typeof cell === 'string' ? cell : JSON.stringify(cell))));
  return t.toString();
}
