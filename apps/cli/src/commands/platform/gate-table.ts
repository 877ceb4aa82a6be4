import Table from 'cli-table3';

interface GateRow { gate: string; value: number | null; threshold: number; window: string; passed: boolean }

const shown = (gate: string, n: number | null): string => {
  if (n === null) return '—';
  if (gate === 'soak') return `${(n / 3_600_000).toFixed(1)} h`;
  if (gate === 'decisions') return String(n);
  return `${(n * 100).toFixed(1)}%`;
};

/** The canary's gates as a table (value against threshold), or null when the view has none. */
export function gateTable(view: unknown): string | null {
  const gate = (view as { gate?: { gates?: GateRow[]; soakRemainingMs?: number; decisionsCounted?: number } | null }).gate;
  if (!gate?.gates) return null;
  const table = new Table({ head: ['gate', 'value', 'threshold', 'window', 'result'] });
  for (const row of gate.gates) table.push([row.gate, shown(row.gate, row.value), shown(row.gate, row.threshold), row.window, row.passed ? 'pass' : 'FAIL']);
  return `${table.toString()}\ndecisions counted: ${gate.decisionsCounted ?? 0}, soak remaining: ${shown('soak', gate.soakRemainingMs ?? 0)}\n`;
}
