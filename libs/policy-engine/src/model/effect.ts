/** What a decision says: go ahead, stop, or go ahead only once a human approves. */
export type Effect = 'allow' | 'deny' | 'require_approval';

/** Every effect, in the order the schema lists them. */
export const EFFECTS: readonly Effect[] = ['allow', 'deny', 'require_approval'];

/**
 * How restrictive an effect is: deny > require_approval > allow. Used both to break ties
 * between rules of equal priority and to combine tiers (the most restrictive wins).
 */
export const restrictiveness = (effect: Effect): number =>
  effect === 'deny' ? 2 : effect === 'require_approval' ? 1 : 0;

/** The more restrictive of two effects. */
export const moreRestrictive = (a: Effect, b: Effect): Effect =>
  restrictiveness(b) > restrictiveness(a) ? b : a;

/** True when `a` lets through something `b` would stop or hold (a is looser than b). */
export const isLooser = (a: Effect, b: Effect): boolean => restrictiveness(a) < restrictiveness(b);
