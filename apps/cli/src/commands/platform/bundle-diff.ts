/** What changed between two versions of a bundle, rule by rule and setting by setting. */
export interface BundleDiff {
  readonly from: string;
  readonly to: string;
  readonly defaultEffect?: { readonly from: unknown; readonly to: unknown };
  readonly rules: {
    readonly added: readonly string[];
    readonly removed: readonly string[];
    readonly changed: readonly { readonly id: string; readonly fields: readonly FieldChange[] }[];
  };
  readonly settings: {
    readonly allowLists: readonly { readonly name: string; readonly added: readonly string[]; readonly removed: readonly string[] }[];
    readonly limits: readonly FieldChange[];
    readonly flags: readonly FieldChange[];
  };
}

export interface FieldChange {
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
}

type Doc = Record<string, unknown>;
const RULE_FIELDS = ['effect', 'priority', 'match', 'when', 'reason'] as const;

const record = (v: unknown): Doc => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Doc) : {});
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const specOf = (doc: unknown): Doc => record(record(doc)['spec']);
const rulesOf = (doc: unknown): Map<string, Doc> => {
  const rules = specOf(doc)['rules'];
  return new Map((Array.isArray(rules) ? rules : []).map((r) => record(r)).map((r) => [String(r['id']), r]));
};
const keys = (a: Doc, b: Doc): string[] => [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();

/** Changed values of one settings group (limits, flags): `undefined` where a side lacks the name. */
const valueChanges = (a: Doc, b: Doc): FieldChange[] =>
  keys(a, b).filter((k) => !same(a[k], b[k])).map((k) => ({ field: k, from: a[k], to: b[k] }));

/** Compares two bundle documents: rules added, removed, changed (which field), and settings. */
export function diffBundles(from: unknown, to: unknown, labels: { from: string; to: string }): BundleDiff {
  const [a, b] = [rulesOf(from), rulesOf(to)];
  const changed = [...a.keys()].filter((id) => b.has(id)).flatMap((id) => {
    const fields = RULE_FIELDS.filter((f) => !same(a.get(id)![f], b.get(id)![f])).map((f) => ({ field: f, from: a.get(id)![f], to: b.get(id)![f] }));
    return fields.length > 0 ? [{ id, fields }] : [];
  });
  const [sa, sb] = [record(specOf(from)['settings']), record(specOf(to)['settings'])];
  const [la, lb] = [record(sa['allowLists']), record(sb['allowLists'])];
  const entries = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
  const allowLists = keys(la, lb).flatMap((name) => {
    const [ea, eb] = [entries(la[name]), entries(lb[name])];
    const added = eb.filter((e) => !ea.includes(e));
    const removed = ea.filter((e) => !eb.includes(e));
    return added.length + removed.length > 0 ? [{ name, added, removed }] : [];
  });
  const [da, db] = [specOf(from)['defaultEffect'] ?? 'deny', specOf(to)['defaultEffect'] ?? 'deny'];
  return {
    ...labels,
    ...(same(da, db) ? {} : { defaultEffect: { from: da, to: db } }),
    rules: { added: [...b.keys()].filter((id) => !a.has(id)), removed: [...a.keys()].filter((id) => !b.has(id)), changed },
    settings: { allowLists, limits: valueChanges(record(sa['limits']), record(sb['limits'])), flags: valueChanges(record(sa['flags']), record(sb['flags'])) },
  };
}

const show = (v: unknown): string => (v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));

/** The diff for people, one change a line: `+ rule x`, `~ rule y: when a → b`, `limits.cpu: 600 → 300`. */
export function diffLines(diff: BundleDiff): string[] {
  const lines = [`${diff.from} → ${diff.to}`];
  if (diff.defaultEffect) lines.push(`~ defaultEffect: ${show(diff.defaultEffect.from)} → ${show(diff.defaultEffect.to)}`);
  for (const id of diff.rules.added) lines.push(`+ rule ${id}`);
  for (const id of diff.rules.removed) lines.push(`- rule ${id}`);
  for (const { id, fields } of diff.rules.changed) for (const f of fields) lines.push(`~ rule ${id}: ${f.field} ${show(f.from)} → ${show(f.to)}`);
  for (const l of diff.settings.allowLists) {
    for (const e of l.added) lines.push(`+ allowLists.${l.name}: ${e}`);
    for (const e of l.removed) lines.push(`- allowLists.${l.name}: ${e}`);
  }
  for (const f of diff.settings.limits) lines.push(`~ limits.${f.field}: ${show(f.from)} → ${show(f.to)}`);
  for (const f of diff.settings.flags) lines.push(`~ flags.${f.field}: ${show(f.from)} → ${show(f.to)}`);
  if (lines.length === 1) lines.push('no changes to rules or settings');
  return lines;
}
