import type { MaskRule } from '@edict/decision-log-domain';
import { defaultMaskRules } from '@edict/decision-log-domain';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * Whether a decision's own JSON text may be stored as it is when masking left the parsed decision
 * unchanged (BatchIngest: no re-serialisation, a sixth of the default mode's CPU in a profile).
 * The parsed object and its text differ only where the text repeats a key (JSON.parse keeps the
 * last), so the text is refused whenever it could hold, anywhere, something a rule masks: a key
 * rule's name with any case, `-` and `_` in between (the masker's normal form, Unicode case
 * folding: the Kelvin sign folds to `k` as toLowerCase maps it), a path rule's key (`"email"`)
 * or a path rule of the request's strings, or any backslash (an escape could spell either).
 * Refusing is always safe: the decision is then serialised from the parsed, masked object.
 */
export function rawTextReusable(rules: readonly MaskRule[]): (json: string) => boolean {
  const all = [...defaultMaskRules, ...rules];
  const names = all.flatMap((r) => (r.kind === 'key' ? [r.name.toLowerCase().replace(/[-_]/g, '')] : []));
  const paths = all.flatMap((r) => (r.kind === 'path' ? [r.path] : []));
  // a path of the request's strings (always present) or of wildcards only under context: no key to look for, never reusable
  if (paths.some((p) => p.length === 1 || p.slice(1).every((s) => s === '*'))) return () => false;
  const keys = [...new Set(paths.flatMap((p) => p.slice(1).filter((s) => s !== '*')))].map((k) => escapeRegExp(JSON.stringify(k)));
  const spelled = names.map((n) => [...n].map(escapeRegExp).join('[-_]*'));
  const hides = new RegExp([String.raw`\\`, ...spelled, ...keys].join('|'), 'iu');
  return (json) => !hides.test(json);
}
