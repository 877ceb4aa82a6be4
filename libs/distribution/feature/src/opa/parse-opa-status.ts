import { ValidationError } from '@edict/core';
import type { OpaBundleStatus, OpaStatusReport } from './opa-status.types';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const bad = (why: string): ValidationError => new ValidationError('OPA.STATUS_INVALID', `not an OPA status report: ${why}`);

/** Go writes a zero time.Time as 0001-01-01T00:00:00Z: that means "never". */
const time = (v: unknown, field: string): string | null => {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) throw bad(`${field} is not an RFC 3339 time`);
  return v.startsWith('0001-01-01') ? null : new Date(v).toISOString();
};
const text = (v: unknown, field: string): string | null => {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string') throw bad(`${field} is not a string`);
  return v;
};

function bundleStatus(name: string, v: unknown): OpaBundleStatus {
  if (!isObject(v)) throw bad(`bundles.${name} is not an object`);
  if (v['errors'] !== undefined && v['errors'] !== null && !Array.isArray(v['errors'])) throw bad(`bundles.${name}.errors is not an array`);
  return {
    name,
    activeRevision: text(v['active_revision'], `bundles.${name}.active_revision`),
    lastSuccessfulActivation: time(v['last_successful_activation'], `bundles.${name}.last_successful_activation`),
    lastSuccessfulDownload: time(v['last_successful_download'], `bundles.${name}.last_successful_download`),
    lastRequest: time(v['last_request'], `bundles.${name}.last_request`),
    code: text(v['code'], `bundles.${name}.code`),
    message: text(v['message'], `bundles.${name}.message`),
    errors: Array.isArray(v['errors']) ? (v['errors'] as unknown[]).slice(0, 20) : [],
  };
}

/**
 * Checks the shape OPA's status plugin sends (v1/plugins/status UpdateRequestV1): `labels` with
 * string values and an `id`, `bundles` by name (or the deprecated single `bundle`), `plugins` by
 * name with a `state`; `metrics`, `discovery` and `decision_logs` are accepted and not kept.
 * Anything else malformed is 400 `OPA.STATUS_INVALID`.
 */
export function parseOpaStatus(body: unknown): OpaStatusReport {
  if (!isObject(body)) throw bad('the body is not a JSON object');
  const labels = body['labels'];
  if (!isObject(labels) || typeof labels['id'] !== 'string' || labels['id'] === '') throw bad('labels.id is missing');
  for (const [key, value] of Object.entries(labels)) if (typeof value !== 'string') throw bad(`labels.${key} is not a string`);
  const raw = body['bundles'] ?? {};
  if (!isObject(raw)) throw bad('bundles is not an object');
  const bundles: Record<string, OpaBundleStatus> = {};
  for (const [name, value] of Object.entries(raw)) bundles[name] = bundleStatus(name, value);
  const single = body['bundle'];
  if (isObject(single) && typeof single['name'] === 'string' && !bundles[single['name']]) bundles[single['name']] = bundleStatus(single['name'], single);
  const rawPlugins = body['plugins'] ?? {};
  if (!isObject(rawPlugins)) throw bad('plugins is not an object');
  const plugins: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawPlugins)) {
    if (!isObject(value) || typeof value['state'] !== 'string') throw bad(`plugins.${name}.state is missing`);
    plugins[name] = value['state'];
  }
  return { labels: labels as Record<string, string>, bundles, plugins };
}
