/**
 * POST /v1/decisions: which policy (the most specific tier), who asks (picks the canary cohort),
 * and what. A JSON Schema compiled once with ajv rather than class-validator DTOs: this is the
 * hot path, and the compiled check is an order of magnitude cheaper. Before this schema runs,
 * service-kit's body guard has refused invalid UTF-8, nesting past 64 levels, more than 10,000
 * keys and items, and numbers that overflow to ±Infinity (what JSON.parse would read as Infinity
 * and the decision log would write as null); the engine then bounds the context's depth and size.
 */
export const decideRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['policyId', 'subject', 'request'],
  properties: {
    policyId: { type: 'string', minLength: 1, maxLength: 256, example: 'teams/alpha/network' },
    subject: { type: 'string', minLength: 1, maxLength: 512, description: 'picks the canary cohort' },
    request: {
      type: 'object',
      additionalProperties: false,
      required: ['agent', 'action', 'resource'],
      properties: {
        agent: { type: 'string', minLength: 1, maxLength: 512 },
        action: { type: 'string', minLength: 1, maxLength: 512 },
        resource: { type: 'string', minLength: 1, maxLength: 2048 },
        context: { type: 'object', description: 'what CEL conditions read as `context.*`; JSON values, finite numbers only, at most 64 levels deep' },
      },
    },
  },
} as const;

export interface DecideBody {
  readonly policyId: string;
  readonly subject: string;
  readonly request: { readonly agent: string; readonly action: string; readonly resource: string; readonly context?: Record<string, unknown> };
}
