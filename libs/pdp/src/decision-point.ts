import { servesCanary, servingManifestPayload, type DecisionBundleRef, type DecisionLogged, type ServedBundle, type ServingState } from '@edict/contracts';
import { canonicalDigest, type IdGenerator, type Clock } from '@edict/core';
import { compileBundle, evaluate, explainDecision, type CompiledBundle, type DecisionRequest, type DecisionResult } from '@edict/policy-engine';
import { CohortCache } from './cohort-cache';
import type { ExplainedDecision } from './decision-explanation';
import type { HeldExceptions } from './held-exceptions';
import { IsoTimestamps } from './iso-timestamps';
import type { LoadedPolicy } from './loaded-policy';
import { verifyServedBundle, type KeyLookup } from './verify-served-bundle';
import { TierChains } from './tier-chains';
import { UntrustedServingStateError, verifyServingManifest } from './verify-serving-manifest';
import { VerifiedBundles } from './verified-bundles';

export interface DecideInput {
  readonly policyId: string;
  readonly subject: string;
  readonly request: DecisionRequest;
}

const BUNDLE_SLOTS = ['stable', 'canary', 'pinned'] as const;
const NO_EXCEPTIONS: { readonly exceptions?: never } = Object.freeze({});
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
  /** versions verified and compiled before, reused while their key is trusted */
  private readonly verified = new VerifiedBundles();
  private readonly chains = new TierChains();
  private readonly cohorts = new CohortCache();
  private readonly timestamps: IsoTimestamps;

  constructor(private readonly options: DecisionPointOptions) {
    this.timestamps = new IsoTimestamps(options.clock);
  }

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
      const known = this.verified.get(state.policyId, bundle);
      // a hit skips the signature check and the compile, not the digest (a document tampered with in
      // transit is still refused, and noticed) nor the key's trust; a failed one gets the full check,
      // which refuses it with the reason
      if (known && canonicalDigest(bundle.document) === bundle.digest && (await this.options.keys(bundle.kid).catch(() => undefined))) return known;
      await verifyServedBundle(state.policyId, bundle, this.options.keys).catch((error: unknown) => {
        throw new UntrustedServingStateError('bundle_untrusted', error instanceof Error ? error.message : String(error));
      });
      const compiled = compileBundle(bundle.document);
      this.verified.set(state.policyId, bundle, compiled);
      return compiled;
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
    const chosen = this.choose(input);
    if (chosen.killed) return this.killed(input, chosen.killed, chosen.refs);
    if (chosen.tiers.length === 0) return this.noActiveBundle(input, chosen.refs);
    return this.decision(input, chosen.refs, evaluate(chosen.tiers, input.request, this.exceptionsFor(input, chosen.tiers)));
  }

  /**
   * The decision `decide` makes (same versions, cohorts and exceptions), with its explanation:
   * per tier every rule considered in order and why it matched or not (explainDecision). Slower
   * than `decide`; only for callers that ask for it (`?explain=full`).
   */
  explain(input: DecideInput): ExplainedDecision {
    const chosen = this.choose(input);
    const versions = chosen.refs.map((r) => `${r.policyId}@${r.version}`);
    const cohort = this.cohorts.of(input.policyId, input.subject);
    const canary = chosen.refs.some((r) => r.canary);
    if (chosen.killed || chosen.tiers.length === 0) {
      const decision = chosen.killed ? this.killed(input, chosen.killed, chosen.refs) : this.noActiveBundle(input, chosen.refs);
      const killSwitch = chosen.killed?.killSwitch ? { killSwitch: { policyId: chosen.killed.policyId, ...chosen.killed.killSwitch } } : {};
      return { decision, explanation: { tiers: [], versions, cohort, canary, exception: null, evaluationNs: 0, ...killSwitch } };
    }
    const explained = explainDecision(chosen.tiers, input.request, this.exceptionsFor(input, chosen.tiers));
    const tiers = explained.tiers.map((t, i) => ({ ...t, cohort: chosen.refs[i]!.cohort, canary: chosen.refs[i]!.canary }));
    const decision = this.decision(input, chosen.refs, explained.decision);
    return { decision, explanation: { tiers, versions, cohort, canary, exception: explained.decision.exception ?? null, evaluationNs: explained.decision.evaluationNs } };
  }

  /** The version each tier serves this subject (pinned, else canary by cohort, else stable); a killed tier stops the walk. */
  private choose(input: DecideInput): { readonly tiers: CompiledBundle[]; readonly refs: DecisionBundleRef[]; readonly killed?: LoadedPolicy } {
    const refs: DecisionBundleRef[] = [];
    const tiers: CompiledBundle[] = [];
    for (const policyId of this.chains.of(input.policyId)) {
      const held = this.policies.get(policyId);
      if (!held) continue;
      if (held.killSwitch) return { tiers, refs, killed: held };
      const cohort = this.cohorts.of(policyId, input.subject);
      const canary = !held.pinned && held.canary !== null && servesCanary(cohort, held.canary.percentage);
      const bundle = held.pinned ?? (canary ? held.canary?.bundle ?? null : held.stable);
      if (!bundle) continue;
      tiers.push(bundle);
      refs.push({ policyId, version: bundle.version, cohort, canary });
    }
    return { tiers, refs };
  }

  private exceptionsFor(input: DecideInput, tiers: readonly CompiledBundle[]): { exceptions?: ReturnType<HeldExceptions['inForce']> } {
    const held = this.options.exceptions;
    if (!held || held.size === 0) return NO_EXCEPTIONS;
    const exceptions = held.inForce(tiers.map((t) => t.policyId), input.subject, this.options.clock.now());
    return exceptions.length > 0 ? { exceptions } : NO_EXCEPTIONS;
  }

  private noActiveBundle(input: DecideInput, refs: readonly DecisionBundleRef[]): DecisionLogged['data'] {
    return this.record(input, refs, 0, {
      effect: 'deny', rule: null, tier: null, reason: `no active version of ${input.policyId} or its parent tiers`, noMatch: true,
      error: { code: 'PDP.NO_ACTIVE_BUNDLE', message: 'no bundle to evaluate' },
    });
  }

  private decision(input: DecideInput, refs: readonly DecisionBundleRef[], result: DecisionResult): DecisionLogged['data'] {
    const outcome = { effect: result.effect, rule: result.decidingRule, tier: result.decidingTier, reason: result.reason, noMatch: result.noMatch };
    // the usual decision (no error, no exception) without a spread: this runs on every decision
    const named = result.error || result.exception ? { ...outcome, ...(result.error ? { error: result.error } : {}), ...(result.exception ? { exception: result.exception } : {}) } : outcome;
    return this.record(input, refs, result.evaluationNs, named);
  }

  /** A tier whose kill switch is on decides alone: allow when failing open, deny when failing closed. */
  private killed(input: DecideInput, held: LoadedPolicy, refs: DecisionBundleRef[]): DecisionLogged['data'] {
    const mode = held.killSwitch?.mode ?? 'fail-closed';
    return this.record(input, refs, 0, {
      effect: mode === 'fail-open' ? 'allow' : 'deny',
      rule: null,
      tier: null,
      reason: `${held.policyId} is disabled (${mode}): ${held.killSwitch?.reason ?? ''}`,
      noMatch: false,
    });
  }

  /** The decision record, its fields in the order they are published in. */
  private record(input: DecideInput, refs: readonly DecisionBundleRef[], evaluationNs: number, result: DecisionLogged['data']['result']): DecisionLogged['data'] {
    const own = refs.find((r) => r.policyId === input.policyId);
    return {
      decisionId: this.options.ids.next(),
      timestamp: this.timestamps.now(),
      policyId: input.policyId,
      version: own?.version ?? null,
      subject: input.subject,
      request: input.request,
      bundles: refs,
      source: 'pdp',
      decisionPoint: this.options.name,
      evaluationNs,
      result,
    };
  }
}
