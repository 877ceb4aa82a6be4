import type { HttpMiddleware } from '@edict/observability';
import type { OpenAPIObject } from '@nestjs/swagger';
import { EdgeCodes } from '../problem/problem-codes';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../problem/problem-details';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

interface DocumentedPath {
  readonly pattern: RegExp;
  readonly allow: readonly string[];
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `/v1/keys/{kid}:retire` → a regex where each `{param}` is one path segment. */
function templateRegex(template: string): RegExp {
  const parts = template.split(/\{[^}]+\}/).map(escape);
  return new RegExp(`^${parts.join('[^/]+')}$`);
}

/**
 * 405 with `Allow` (RFC 9110) for a documented path asked with a method it does not document,
 * instead of the router's 404: the path exists, the method does not. HEAD goes with GET.
 */
export function methodNotAllowedMiddleware(document: OpenAPIObject): HttpMiddleware {
  const paths: DocumentedPath[] = Object.entries(document.paths).map(([template, item]) => {
    const methods = METHODS.filter((method) => item[method] !== undefined).map((m) => m.toUpperCase());
    return { pattern: templateRegex(template), allow: methods.includes('GET') && !methods.includes('HEAD') ? [...methods, 'HEAD'] : methods };
  });
  return (req, res, next) => {
    const path = (req.originalUrl ?? req.url ?? '/').split('?')[0] ?? '/';
    const method = req.method ?? 'GET';
    const documented = paths.filter(({ pattern }) => pattern.test(path));
    if (documented.length === 0 || documented.some(({ allow }) => allow.includes(method))) return next();
    const allow = [...new Set(documented.flatMap((p) => p.allow))];
    const body = problemBody({ code: EdgeCodes.methodNotAllowed, status: 405, detail: `${method} is not allowed here; allowed: ${allow.join(', ')}.`, instance: path });
    res.writeHead(405, { Allow: allow.join(', '), 'Content-Type': PROBLEM_CONTENT_TYPE }).end(JSON.stringify(body));
  };
}
