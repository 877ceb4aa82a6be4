import type { SchemaObject } from '@nestjs/swagger';

/** The name of the shared problem+json component every error response refers to. */
export const PROBLEM_SCHEMA_NAME = 'Problem';

/** RFC 9457 problem details with Edict's stable `code` (see problem-details.ts); extras are allowed. */
export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', description: 'urn:edict:problem:<code>', example: 'urn:edict:problem:REQUEST.INVALID' },
    title: { type: 'string', description: 'the HTTP reason phrase of the status' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    code: { type: 'string', description: 'stable machine-readable code, e.g. BUNDLE.VERSION_REUSED' },
    instance: { type: 'string' },
    correlationId: { type: 'string' },
    errors: {
      type: 'array',
      description: 'one entry per broken constraint (validation problems)',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
        additionalProperties: true,
      },
    },
  },
  additionalProperties: true,
};
