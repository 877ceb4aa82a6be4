import type { ASTNode } from '@marcbachmann/cel-js';
import { Limits } from '../model/limits';
import { PolicyCodes } from '../model/problem-codes';
import { COMPREHENSIONS, childNodes, selectPath, stringLiteral } from './cel-ast';
import { REQUEST_FIELDS } from './cel-environment';
import { regexUnsupportedReason } from './regex-safety';

/** A problem found by walking a condition's AST: its code and message. */
export interface AstProblem {
  readonly code: string;
  readonly message: string;
}

/**
 * Checks the type checker cannot make: `request.<field>` names a known field, comprehension
 * macros nest at most `Limits.maxComprehensionNesting` deep (bounding evaluation cost on big
 * lists), and `matches` patterns are string literals that RE2 supports (checked here, when
 * the bundle is validated, so that a bad pattern never reaches a request).
 */
export function checkConditionAst(root: ASTNode): AstProblem[] {
  const problems: AstProblem[] = [];
  const walk = (node: ASTNode, nesting: number): void => {
    const requestPath = selectPath(node, 'request');
    if (requestPath && !REQUEST_FIELDS.has(requestPath[0]!)) {
      problems.push({ code: PolicyCodes.CEL_UNKNOWN_REQUEST_FIELD, message: `request has no field '${requestPath[0]}' (it has agent, action, resource; use context.* for the rest)` });
    }
    let inner = nesting;
    if (node.op === 'rcall' && COMPREHENSIONS.has(node.args[0])) {
      inner = nesting + 1;
      if (inner > Limits.maxComprehensionNesting) {
        problems.push({ code: PolicyCodes.CEL_TOO_COMPLEX, message: `macros nest ${inner} deep ('${node.args[0]}'); at most ${Limits.maxComprehensionNesting} are allowed` });
      }
    }
    const pattern = matchesPattern(node);
    if (pattern !== undefined) {
      const literal = stringLiteral(pattern);
      if (literal === undefined) problems.push({ code: PolicyCodes.CEL_REGEX_UNSAFE, message: 'the pattern of matches() must be a string literal' });
      else {
        const reason = regexUnsupportedReason(literal);
        if (reason) problems.push({ code: PolicyCodes.REGEX_UNSUPPORTED, message: reason });
      }
    }
    for (const child of childNodes(node)) walk(child, inner);
  };
  walk(root, 0);
  return problems;
}

/** The pattern argument of `s.matches(p)` or `matches(s, p)`. */
function matchesPattern(node: ASTNode): ASTNode | undefined {
  if (node.op === 'rcall' && node.args[0] === 'matches') return node.args[2][0];
  if (node.op === 'call' && node.args[0] === 'matches') return node.args[1][1];
  return undefined;
}
