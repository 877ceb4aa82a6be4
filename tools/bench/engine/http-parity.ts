import type { Agent } from 'node:http';
import type { HttpParity } from './bench-result.types';
import { postJson, type HttpTarget } from './http-load';

interface Answer {
  readonly effect: string;
  readonly rule: string | null;
}

const said = (a: Answer): string => `${a.effect} by ${a.rule ?? '(default)'}`;

/** Both servers' effect and deciding rule on the first `sample` requests, one at a time. */
export async function checkParity(agent: Agent, pdp: HttpTarget, opa: HttpTarget, sample: number): Promise<HttpParity> {
  const mismatches: { request: number; pdp: string; opa: string }[] = [];
  let sameEffect = 0;
  let sameRule = 0;
  for (let i = 0; i < sample; i++) {
    const [p, o] = await Promise.all([postJson(agent, pdp.url, pdp.headers, pdp.bodies[i]!), postJson(agent, opa.url, opa.headers, opa.bodies[i]!)]);
    if (p.status !== 200) throw new Error(`the PDP answered ${p.status} to request ${i}: ${p.text.slice(0, 300)}`);
    if (o.status !== 200) throw new Error(`OPA answered ${o.status} to request ${i}: ${o.text.slice(0, 300)}`);
    const ours = (JSON.parse(p.text) as { result: Answer }).result;
    // OPA leaves `result` out when the rule is undefined, which the Rego's default rules out
    const theirs = (JSON.parse(o.text) as { result?: Answer }).result;
    const effectAgrees = ours.effect === theirs?.effect;
    const ruleAgrees = ours.rule === (theirs?.rule ?? null);
    if (effectAgrees) sameEffect++;
    if (effectAgrees && ruleAgrees) sameRule++;
    if ((!effectAgrees || !ruleAgrees) && mismatches.length < 5) {
      mismatches.push({ request: i, pdp: said(ours), opa: theirs ? said(theirs) : 'undefined' });
    }
  }
  return { checked: sample, sameEffect, sameRule, mismatches };
}
