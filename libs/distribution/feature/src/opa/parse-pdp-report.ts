import { tierOfPolicyId, type FleetCanary, type PdpFleetReport } from '@edict/contracts';
import { ValidationError } from '@edict/core';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const bad = (why: string): ValidationError => new ValidationError('FLEET.PDP_REPORT_INVALID', `not a PDP fleet report: ${why}`);
const MAX_POLICIES = 1000;
const short = (v: unknown, field: string): string => {
  if (typeof v !== 'string' || v.length === 0 || v.length > 128) throw bad(`${field} is not a string of 1-128 characters`);
  return v;
};

const canaryOf = (v: unknown, field: string): FleetCanary | null => {
  if (v === null) return null;
  if (!isObject(v)) throw bad(`${field} is not an object or null`);
  const percentage = v['percentage'];
  if (typeof percentage !== 'number' || !Number.isInteger(percentage) || percentage < 0 || percentage > 100) throw bad(`${field}.percentage is not a whole number from 0 to 100`);
  return { version: short(v['version'], `${field}.version`), percentage };
};

/** Checks what an Edict PDP reports (PdpFleetReport); anything else is 400 `FLEET.PDP_REPORT_INVALID`, nothing kept. */
export function parsePdpReport(body: unknown): PdpFleetReport {
  if (!isObject(body)) throw bad('the body is not an object');
  const labels = body['labels'] ?? {};
  if (!isObject(labels) || Object.keys(labels).length > 50) throw bad('labels is not an object of at most 50 strings');
  for (const [k, v] of Object.entries(labels)) short(v, `labels.${k}`);
  const policies = body['policies'];
  if (!Array.isArray(policies) || policies.length > MAX_POLICIES) throw bad(`policies is not an array of at most ${MAX_POLICIES}`);
  return {
    labels: labels as Record<string, string>,
    policies: policies.map((p: unknown, i) => {
      if (!isObject(p)) throw bad(`policies[${i}] is not an object`);
      const policyId = short(p['policyId'], `policies[${i}].policyId`);
      try {
        tierOfPolicyId(policyId);
      } catch {
        throw bad(`policies[${i}].policyId is not a policy id`);
      }
      const revision = p['revision'] === null ? null : short(p['revision'], `policies[${i}].revision`);
      return { policyId, revision, canary: canaryOf(p['canary'] ?? null, `policies[${i}].canary`) };
    }),
  };
}
