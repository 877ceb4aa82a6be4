import { Gauge } from 'prom-client';
import { metricsFor } from '@edict/observability';

const NAME = 'edict_audit_chain_broken';

/**
 * `edict_audit_chain_broken` on the signing service's registry: a fixed name (not
 * `edict_signing_…`) so that alert rules do not depend on which service runs the verifier.
 */
export function auditChainBrokenGauge(service = 'signing'): Gauge {
  const registry = metricsFor(service).registry;
  const existing = registry.getSingleMetric(NAME);
  if (existing instanceof Gauge) return existing;
  return new Gauge({ name: NAME, help: '1 while the audit chain or a signed checkpoint does not verify, 0 after a pass verified it', registers: [registry] });
}
