import type { Principal } from './principal';

// Kept beside the request rather than on it: no Express type augmentation, and nothing a
// body or header could ever overwrite.
const principals = new WeakMap<object, Principal>();

/** Records who a request is from (the auth guard does this once the token verified). */
export function attachPrincipal(request: object, principal: Principal): void {
  principals.set(request, principal);
}

/** The verified principal of a request; undefined on public routes and before the guard ran. */
export function principalOf(request: object): Principal | undefined {
  return principals.get(request);
}
