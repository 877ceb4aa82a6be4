import { ValidationError } from '@edict/core';
import { normalizeKey } from './key-matcher';

/** What a masked value is replaced with. */
export const MASK = '***';

/**
 * A masking rule. `path`: a dotted path under the decision's `request` (`context.user.email`),
 * where `*` matches any key or array index; keys that contain a dot cannot be named.
 * `key`: every key under `request.context`, at any depth, whose name matches (see keyMatches).
 */
export type MaskRule =
  | { readonly kind: 'path'; readonly path: readonly string[] }
  | { readonly kind: 'key'; readonly name: string };

const TOP_LEVEL_STRINGS = ['agent', 'action', 'resource'];

/**
 * Only `context.<…>` or one of the request's strings may be masked, so that a masked decision
 * keeps its shape (a string in place of `context` would not). Throws MASK.PATH_INVALID.
 */
export const assertMaskablePath = (path: readonly string[]): void => {
  const [head] = path;
  const valid = path.every((s) => s !== '') &&
    ((head === 'context' && path.length > 1) || (path.length === 1 && head !== undefined && TOP_LEVEL_STRINGS.includes(head)));
  if (!valid) {
    throw new ValidationError('MASK.PATH_INVALID', `mask path "${path.join('.')}" must be context.<key>[.<key>…] or one of ${TOP_LEVEL_STRINGS.join(', ')}`);
  }
};

/** A path rule from its dotted form (`context.user.email`); validated as assertMaskablePath says. */
export const pathRule = (dotted: string): MaskRule => {
  const path = dotted.split('.');
  assertMaskablePath(path);
  return { kind: 'path', path };
};

/** A key rule: masks every key under `request.context` that keyMatches `name`. */
export const keyRule = (name: string): MaskRule => {
  if (normalizeKey(name) === '') throw new ValidationError('MASK.KEY_INVALID', 'a key rule needs a name');
  return { kind: 'key', name };
};

/**
 * Whether a key falls under a key rule: its normalised form equals or ends with the rule's, so
 * `password` also masks `db_password` and `token` masks `access_token`, `csrfToken`. Masking a
 * little too much loses a debugging detail; masking too little leaks a secret into the log.
 */
export const keyMatches = (key: string, name: string): boolean => normalizeKey(key).endsWith(normalizeKey(name));

/** Obvious secrets, masked in every decision whatever else is configured. */
export const defaultMaskRules: readonly MaskRule[] = ['password', 'secret', 'token', 'authorization', 'api_key'].map(keyRule);
