import { compileBundle } from '../compile/compile-bundle';
import type { CompiledBundle } from '../compile/compiled-bundle.types';
import type { BundleDocument, RuleDocument } from '../model/bundle-document.types';

type Spec = BundleDocument['spec'];

/** A bundle document for tests: the given spec under a valid envelope. */
export const bundleDoc = (policyId: string, spec: Spec = {}, version = '1.0.0'): BundleDocument => ({
  apiVersion: 'edict.io/v1',
  kind: 'PolicyBundle',
  metadata: { policyId, version },
  spec,
});

/** A compiled bundle with the given rules (and more of the spec). */
export const compiled = (policyId: string, rules: RuleDocument[], spec: Omit<Spec, 'rules'> = {}): CompiledBundle =>
  compileBundle(bundleDoc(policyId, { ...spec, rules }));

/** A request with no context unless one is given. */
export const req = (agent: string, action: string, resource: string, context?: Record<string, unknown>) =>
  context === undefined ? { agent, action, resource } : { agent, action, resource, context };
