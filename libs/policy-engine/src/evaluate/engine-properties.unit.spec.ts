import fc from 'fast-check';
import { compiled } from '../testing/bundle-builder';
import { effectArb, requestArb, rulesArb } from '../testing/arbitraries';
import { restrictiveness } from '../model/effect';
import { TightenCodes } from '../model/problem-codes';
import { checkTightenOnly } from '../tighten/check-tighten-only';
import { evaluate } from './evaluate';

const fixedTimer = () => 0n;
const tierIds = ['org/p', 'teams/t/p', 'projects/t/q/p'] as const;
const chainArb = fc.tuple(rulesArb, effectArb, rulesArb, effectArb, rulesArb, effectArb).map(([r0, d0, r1, d1, r2, d2]) => [
  compiled(tierIds[0], r0, { defaultEffect: d0 }),
  compiled(tierIds[1], r1, { defaultEffect: d1 }),
  compiled(tierIds[2], r2, { defaultEffect: d2 }),
]);

describe('engine properties', () => {
  it('combining tiers is never more permissive than any one tier', () => {
    fc.assert(
      fc.property(chainArb, fc.subarray([0, 1, 2], { minLength: 1 }), requestArb, (chain, picked, request) => {
        const tiers = picked.map((i) => chain[i]!);
        const combined = evaluate(tiers, request).effect;
        for (const tier of tiers) expect(restrictiveness(combined)).toBeGreaterThanOrEqual(restrictiveness(evaluate([tier], request).effect));
      }),
      { numRuns: 500 },
    );
  });

  it('evaluation is deterministic: the same bundles and request give the same decision', () => {
    fc.assert(
      fc.property(rulesArb, effectArb, requestArb, (rules, defaultEffect, request) => {
        const first = evaluate([compiled('org/p', rules, { defaultEffect })], request, { timer: fixedTimer });
        const again = evaluate([compiled('org/p', rules, { defaultEffect })], request, { timer: fixedTimer });
        expect(again).toEqual(first);
        expect(evaluate([compiled('org/p', rules, { defaultEffect })], request, { timer: fixedTimer })).toEqual(first);
      }),
      { numRuns: 500 },
    );
  });

  it('a child under its parent never yields allow where the parent yields deny', () => {
    fc.assert(
      fc.property(chainArb, requestArb, ([org, team], request) => {
        if (evaluate([org!], request).effect === 'deny') expect(evaluate([org!, team!], request).effect).not.toBe('allow');
      }),
      { numRuns: 500 },
    );
  });

  it("a child that passes tighten-only never allows by a rule where a parent rule denies or holds for approval", () => {
    let checked = 0;
    fc.assert(
      fc.property(chainArb, requestArb, ([org, team], request) => {
        const findings = checkTightenOnly(team!, [org!]).filter((f) => f.code === TightenCodes.RULE_LOOSENS_PARENT);
        fc.pre(findings.length === 0);
        const parent = evaluate([org!], request).tiers[0]!;
        const child = evaluate([org!, team!], request).tiers[1]!;
        if (parent.rule !== null && !parent.error && parent.effect !== 'allow' && child.rule !== null) {
          checked++;
          expect(child.effect).not.toBe('allow');
        }
      }),
      { numRuns: 1000 },
    );
    expect(checked).toBeGreaterThan(0);
  });
});
