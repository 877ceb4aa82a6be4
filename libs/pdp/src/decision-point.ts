import { cohortOf, parentPolicyIds, servesCanary, servingManifestPayload, type DecisionBundleRef, type DecisionLogged, type ServedBundle, type ServingState } from '@edict/contracts';
import type { IdGenerator, Clock } from '@edict/core';
import { compileBundle, evaluate, type CompiledBundle, type DecisionRequest } from '@edict/policy-engine';
import type { HeldExceptions } from './held-exceptions';
import type { LoadedPolicy } from './loaded-policy';
import { verifyServedBundle, type KeyLookup } from './verify-served-bundle';
import { UntrustedServingStateError, verifyServingManifest } from './verify-serving-manifest';

export interface DecideInput {
  readonly policyId: string;
  readonly subject: string;
  readonly request: DecisionRequest;
}

const BUNDLE_SLOTS = ['stable', 'canary', 'pinned'] as const;
export type BundleSlot = (typeof BUNDLE_SLOTS)[number];

/** A loaded version taken out because its signing key is no longer trusted. */
export interface DroppedBundle {
  readonly policyId: string;
  readonly slot: BundleSlot;
  readonly version: string;
  readonly kid: string;
}

export interface DecisionPointOptions {
  readonly name: string;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** bundle signing keys (the signing service's JWKS) */
  readonly keys: KeyLookup;
  /** serving-manifest keys (distribution's JWKS, or a pinned key set) */
  readonly manifestKeys: KeyLookup;
  /** approved exceptions (HeldExceptions); each applies only before its expiry by `clock` */
  readonly exceptions?: HeldExceptions;
}

/**
 * The embedded decision point (`@edict/pdp`): holds verified, compiled bundles per policy and
 * decides across the tiers of a policy (org → team → project, same name), giving each subject
 * the canary or the stable version of each tier by its cohort.
 */
export class DecisionPoint {
  private readonly policies = new Map<string, LoadedPolicy>();
  /** the key that signed each loaded version, by policy and slot, to drop them when the key goes */
  /** the canonical manifest each held state was loaded from, to tell a resync from a replay */
  private readonly manifests = new Map<string, string>();
  private readonly signers = new Map<string, Partial<Record<BundleSlot, { readonly version: string; readonly kid: string }>>>();
  /** the load in progress for each policy: loads of one policy run one after another */
  private readonly loading = new Map<string, Promise<unknown>>();

  constructor(private readonly options: DecisionPointOptions) {}

  /**
   * Verifies and compiles a serving state. What to serve comes from distribution's signed manifest
   * (verifyServingManifest); each document must be the version it names and carry a valid bundle
   * signature. The same revision again changes nothing; an older revision, or another manifest
   * at the held revision, is refused (a replay) and the held state stays. Refusals throw
   * UntrustedServingStateError with the reason.
   *
   * Loads of one policy are serialised: verifying and compiling awaits, and a periodic resync that
   * fetched an older state must not finish after a pushed newer one and put the older back.
   */
  load(state: ServingState): Promise<boolean> {
    const previous = this.loading.get(state.policyId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.loadNow(state));
    const settled = next.catch(() => undefined);
    this.loading.set(state.policyId, settled);
    void settled.then(() => {
      if (this.loading.get(state.policyId) === settled) this.loading.delete(state.policyId);
    });
    return next;
  }

  private async loadNow(state: ServingState): Promise<boolean> {
    const trusted = await verifyServingManifest(state, this.options.manifestKeys);
    const held = this.policies.get(state.policyId);
    if (held && held.revision >= trusted.revision) {
      const same = held.revision === trusted.revision && this.manifests.get(state.policyId) === servingManifestPayload(state.manifest!.manifest);
      if (same) return false;
      throw new UntrustedServingStateError('manifest_stale', `${state.policyId}: manifest revision ${trusted.revision} does not follow the verified ${held.revision}`);
    }
    const compile = async (bundle: ServedBundle): Promise<CompiledBundle> => {
      await verifyServedBundle(state.policyId, bundle, this.options.keys).catch((error: unknown) => {
        throw new UntrustedServingStateError('bundle_untrusted', error instanceof Error ? error.message : String(error));
      });
      return compileBundle(bundle.document);
    };
    const stable = trusted.stable ? await compile(trusted.stable) : null;
    const canary = trusted.canary ? { bundle: await compile(trusted.canary), percentage: trusted.canary.percentage } : null;
    const pinned = trusted.pinned ? await compile(trusted.pinned) : null;
    this.policies.set(state.policyId, { policyId: state.policyId, revision: trusted.revision, stable, canary, pinned, killSwitch: trusted.killSwitch });
    this.manifests.set(state.policyId, servingManifestPayload(state.manifest!.manifest));
    const signer = (b: { version: string; kid: string } | null) => (b ? { version: b.version, kid: b.kid } : undefined);
    this.signers.set(state.policyId, { stable: signer(trusted.stable), canary: signer(trusted.canary), pinned: signer(trusted.pinned) });
    return true;
  }

  /**
   * Drops every loaded version whose key the key lookup no longer knows (a retired key leaves
   * the JWKS): from then on that slot serves nothing, as if distribution had never sent it. A
   * lookup that fails (the JWKS unreachable) drops nothing. Returns what was dropped.
   */
  async dropUntrusted(): Promise<DroppedBundle[]> {
    const dropped: DroppedBundle[] = [];
    for (const [policyId, slots] of this.signers) {
      for (const slot of BUNDLE_SLOTS) {
        const signer = slots[slot];
        if (!signer || (await this.options.keys(signer.kid).catch(() => 'unknown' as const)) !== undefined) continue;
        const held = this.policies.get(policyId);
        if (held) this.policies.set(policyId, { ...held, [slot]: null });
        delete slots[slot];
        dropped.push({ policyId, slot, ...signer });
      }
    }
    return dropped;
  }

  loaded(): LoadedPolicy[] {
    return [...this.policies.values()];
  }

  decide(input: DecideInput): DecisionLogged['data'] {
    const refs: DecisionBundleRef[] = [];
    const tiers: CompiledBundle[] = [];
    for (const policyId of [...parentPolicyIds(input.policyId), input.policyId]) {
      const held = this.policies.get(policyId);
      if (!held) continue;
      if (held.killSwitch) return this.killed(input, held, refs);
      const cohort = cohortOf(policyId, input.subject);
      const canary = !held.pinned && held.canary !== null && servesCanary(cohort, held.canary.percentage);
      const bundle = held.pinned ?? (canary ? held.canary?.bundle ?? null : held.stable);
      if (!bundle) continue;
      tiers.push(bundle);
      refs.push({ policyId, version: bundle.version, cohort, canary });
    }
    const base = this.base(input, refs);
    if (tiers.length === 0) {
      return {
        ...base,
        evaluationNs: 0,
        result: { effect: 'deny', rule: null, tier: null, reason: `no active version of ${input.policyId} or its parent tiers`, noMatch: true, error: { code: 'PDP.NO_ACTIVE_BUNDLE', message: 'no bundle to evaluate' } },
      };
    }
    const exceptions = this.options.exceptions?.inForce(tiers.map((t) => t.policyId), input.subject, this.options.clock.now());
    const result = evaluate(tiers, input.request, exceptions && exceptions.length > 0 ? { exceptions } : {});
    return {
      ...base,
      evaluationNs: result.evaluationNs,
      result: {
        effect: result.effect,
        rule: result.decidingRule,
        tier: result.decidingTier,
        reason: result.reason,
        noMatch: result.noMatch,
        ...(result.error ? { error: result.error } : {}),
        ...(result.exception ? { exception: result.exception } : {}),
      },
    };
  }

  /** A tier whose kill switch is on decides alone: allow when failing open, deny when failing closed. */
  private killed(input: DecideInput, held: LoadedPolicy, refs: DecisionBundleRef[]): DecisionLogged['data'] {
    const mode = held.killSwitch?.mode ?? 'fail-closed';
    return {
      ...this.base(input, refs),
      evaluationNs: 0,
      result: {
        effect: mode === 'fail-open' ? 'allow' : 'deny',
        rule: null,
        tier: null,
        reason: `${held.policyId} is disabled (${mode}): ${held.killSwitch?.reason ?? ''}`,
        noMatch: false,
      },
    };
  }

  private base(input: DecideInput, refs: readonly DecisionBundleRef[]): Omit<DecisionLogged['data'], 'result' | 'evaluationNs'> {
    const own = refs.find((r) => r.policyId === input.policyId);
    return {
      decisionId: this.options.ids.next(),
      timestamp: this.options.clock.now().toISOString(),
      policyId: input.policyId,
      version: own?.version ?? null,
      subject: input.subject,
      request: input.request,
      bundles: refs,
      source: 'pdp' as const,
      decisionPoint: this.options.name,
    };
  }
}
