import type { BundleEvent } from '@edict/contracts';
import type { Decider } from '@edict/core';
import type { BundleCommand } from './bundle.commands';
import { decideBundleLine } from './bundle.decide';
import { evolveBundleLine } from './bundle.evolve';
import { initialBundleLineState, type BundleLineState } from './bundle.state';

/** The `bundle-<policyId>` aggregate: drafts, submissions, approvals, archiving. */
export const bundleLineDecider: Decider<BundleCommand, BundleEvent, BundleLineState> = {
  decide: decideBundleLine,
  evolve: evolveBundleLine,
  initialState: initialBundleLineState,
};
