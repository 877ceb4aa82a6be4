import type { DecisionError } from '../model/decision.types';
import { Limits } from '../model/limits';
import { PolicyCodes } from '../model/problem-codes';

const invalid = (message: string): DecisionError => ({ code: PolicyCodes.REQUEST_INVALID, message });
const tooLarge = (message: string): DecisionError => ({ code: PolicyCodes.REQUEST_TOO_LARGE, message });

function checkField(request: Record<string, unknown>, field: 'agent' | 'action' | 'resource'): DecisionError | null {
  const value = request[field];
  if (typeof value !== 'string') return invalid(`request.${field} must be a string`);
  if (value.length > Limits.maxRequestFieldLength) return tooLarge(`request.${field} is ${value.length} characters; the limit is ${Limits.maxRequestFieldLength}`);
  if (value.includes('\u0000')) return invalid(`request.${field} contains a NUL character`);
  return null;
}

/**
 * Refuses a request that is malformed or too big to evaluate safely: fields must be strings
 * within `Limits.maxRequestFieldLength`; the context a JSON-like map within the depth, value
 * count and string length limits. Iterative, and stops at the first limit passed.
 */
export function checkRequest(request: unknown): DecisionError | null {
  if (typeof request !== 'object' || request === null) return invalid('request must be an object');
  const r = request as Record<string, unknown>;
  const fieldError = checkField(r, 'agent') ?? checkField(r, 'action') ?? checkField(r, 'resource');
  if (fieldError) return fieldError;
  const context = r['context'];
  if (context === undefined) return null;
  if (typeof context !== 'object' || context === null || Array.isArray(context)) return invalid('request.context must be a map');
  const stack: unknown[] = [context, 1];
  let values = 0;
  while (stack.length > 0) {
    const depth = stack.pop() as number;
    const value = stack.pop();
    if (++values > Limits.maxContextValues) return tooLarge(`request.context has more than ${Limits.maxContextValues} values`);
    if (typeof value === 'string') {
      if (value.length > Limits.maxContextStringLength) return tooLarge(`a string in request.context is ${value.length} characters; the limit is ${Limits.maxContextStringLength}`);
    } else if (typeof value === 'object' && value !== null) {
      if (depth > Limits.maxContextDepth) return tooLarge(`request.context nests deeper than ${Limits.maxContextDepth} levels`);
      const children = Array.isArray(value) ? value : Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null ? Object.values(value) : null;
      if (children === null) return invalid('request.context may hold only JSON values (maps, lists, strings, numbers, booleans, null)');
      for (const child of children) stack.push(child, depth + 1);
    } else if (value === undefined || typeof value === 'function' || typeof value === 'symbol') {
      return invalid(`request.context holds a ${typeof value} value; only JSON values are allowed`);
    }
  }
  return null;
}
