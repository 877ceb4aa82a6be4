import { ValidationError } from '@edict/core';
import { pathRule, type MaskRule } from '@edict/decision-log-domain';

/**
 * The PDP's masking rules: `EDICT_DECISION_MASK_PATHS`, the same setting decision-log reads
 * (comma-separated paths under the request, `context.user.email, resource`; blanks ignored).
 * `maskDecision` always adds the default secret keys (password, secret, token, authorization,
 * api_key). A bad path stops the start (`PDP.CONFIG_INVALID`): starting without it would publish
 * what it should hide.
 */
export function pdpMaskRulesFromEnv(env: NodeJS.ProcessEnv = process.env): readonly MaskRule[] {
  const paths = (env['EDICT_DECISION_MASK_PATHS'] ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
  return paths.map((path) => {
    try {
      return pathRule(path);
    } catch (error) {
      throw new ValidationError('PDP.CONFIG_INVALID', `EDICT_DECISION_MASK_PATHS: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
