import { ValidationError } from '@edict/core';
import type { IncidentSeverity } from '@edict/contracts';

/** One webhook: where, for which severities, in which body format. */
export interface WebhookConfig {
  readonly url: string;
  readonly severities: readonly IncidentSeverity[];
  readonly format: 'slack' | 'generic';
}

const SEVERITIES: readonly IncidentSeverity[] = ['low', 'medium', 'high', 'critical'];
const INVALID = 'INCIDENT.WEBHOOKS_INVALID';

/**
 * `EDICT_WEBHOOKS`: a JSON array of `{ "url", "severities"?, "format"? }` (severities default to
 * all four, format to generic). Anything else is refused at start, with the entry it is about.
 */
export const parseWebhooks = (raw: string | undefined): WebhookConfig[] => {
  if (raw === undefined || raw.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ValidationError(INVALID, 'EDICT_WEBHOOKS is not JSON');
  }
  if (!Array.isArray(parsed)) throw new ValidationError(INVALID, 'EDICT_WEBHOOKS must be a JSON array');
  return parsed.map((entry: unknown, i): WebhookConfig => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const url = e['url'];
    if (typeof url !== 'string' || !/^https?:\/\//.test(url)) throw new ValidationError(INVALID, `EDICT_WEBHOOKS[${i}].url must be an http(s) URL`);
    const severities = e['severities'] ?? SEVERITIES;
    if (!Array.isArray(severities) || severities.some((s) => !SEVERITIES.includes(s as IncidentSeverity))) {
      throw new ValidationError(INVALID, `EDICT_WEBHOOKS[${i}].severities must be some of ${SEVERITIES.join(', ')}`);
    }
    const format = e['format'] ?? 'generic';
    if (format !== 'slack' && format !== 'generic') throw new ValidationError(INVALID, `EDICT_WEBHOOKS[${i}].format must be slack or generic`);
    return { url, severities: severities as IncidentSeverity[], format };
  });
};

/** The webhook as it may be shown or stored: origin and path, no query, no credentials. */
export const redactedUrl = (url: string): string => {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}`;
};
