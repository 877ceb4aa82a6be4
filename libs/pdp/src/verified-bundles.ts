import type { ServedBundle } from '@edict/contracts';
import type { CompiledBundle } from '@edict/policy-engine';

/**
 * The compiled bundles a decision point has already verified, a few per policy, by everything the
 * signature covers and the signature itself. A later state naming the same version, digest, key
 * and signature (a rollback to what was served before, or stable again beside a new canary) is
 * served from here without verifying the signature or compiling again. The caller still checks
 * on every hit that the document that came matches the digest and that the key is trusted.
 */
export class VerifiedBundles {
  private readonly byPolicy = new Map<string, Map<string, CompiledBundle>>();

  constructor(private readonly perPolicy = 4) {}

  get(policyId: string, bundle: ServedBundle): CompiledBundle | undefined {
    const held = this.byPolicy.get(policyId);
    const key = keyOf(bundle);
    const compiled = held?.get(key);
    if (held && compiled) {
      held.delete(key); // most recently used last
      held.set(key, compiled);
    }
    return compiled;
  }

  set(policyId: string, bundle: ServedBundle, compiled: CompiledBundle): void {
    const held = this.byPolicy.get(policyId) ?? new Map<string, CompiledBundle>();
    this.byPolicy.set(policyId, held);
    held.delete(keyOf(bundle));
    held.set(keyOf(bundle), compiled);
    for (const oldest of held.keys()) {
      if (held.size <= this.perPolicy) break;
      held.delete(oldest);
    }
  }
}

const keyOf = (bundle: ServedBundle): string => JSON.stringify([bundle.version, bundle.digest, bundle.kid, bundle.signature]);
