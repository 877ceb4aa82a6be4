import { bundleDoc } from '../testing/bundle-builder';
import { validateBundleDocument } from '../validate/validate-bundle-document';

const withRollout = (rollout: unknown): unknown => ({ ...bundleDoc('org/baseline', { rules: [{ id: 'r', effect: 'allow' }] }), spec: { rules: [{ id: 'r', effect: 'allow' }], rollout } });
const codes = (rollout: unknown): string[] => validateBundleDocument(withRollout(rollout)).map((p) => `${p.code} ${p.path ?? ''}`);

describe('spec.rollout (a policy\'s own canary schedule)', () => {
  it('takes steps that increase to 100, a soak and auto-promotion', () => {
    expect(codes({ steps: [5, 25, 100], soakSeconds: 3600, autoPromote: true })).toEqual([]);
    expect(codes({ autoPromote: false })).toEqual([]);
  });

  it('refuses steps that do not increase or do not end at 100', () => {
    expect(codes({ steps: [50, 10, 100] })).toEqual(['POLICY.ROLLOUT_STEPS_INVALID spec.rollout.steps[1]']);
    expect(codes({ steps: [10, 50] })).toEqual(['POLICY.ROLLOUT_STEPS_INVALID spec.rollout.steps']);
  });

  it('refuses shapes the schema rules out: one step, a share over 100, a negative soak, unknown fields', () => {
    for (const bad of [{ steps: [100] }, { steps: [10, 150] }, { steps: [2.5, 100] }, { soakSeconds: -1 }, { autoPromote: 'yes' }, { stepz: [10, 100] }]) {
      expect(codes(bad).length).toBeGreaterThan(0);
    }
  });
});
