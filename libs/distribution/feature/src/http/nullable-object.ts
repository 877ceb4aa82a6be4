import type { ApiPropertyOptions } from '@nestjs/swagger';

/**
 * A nullable member described inline: a nullable `allOf`-`$ref` (what Nest writes for a nullable
 * DTO) refuses null in strict JSON Schema validators. `present`: the member is always there (null or not).
 */
export const nullableObject = (required: string[], properties: Record<string, ApiPropertyOptions>, description?: string, present = true): ApiPropertyOptions =>
  ({ type: 'object', nullable: true, required, properties, selfRequired: present, ...(description ? { description } : {}) });

export const str: ApiPropertyOptions = { type: 'string' };
export const bool: ApiPropertyOptions = { type: 'boolean' };
export const nullableStr: ApiPropertyOptions = { type: 'string', nullable: true };
export const killSwitchModes: ApiPropertyOptions = { type: 'string', enum: ['fail-open', 'fail-closed'] };
