import { opaBundleInputOf } from './opa-bundle-input-of';

const doc = (rego: unknown): unknown => ({ metadata: { policyId: 'org/egress', version: '1.0.0' }, spec: { rules: [], rego } });

describe('opaBundleInputOf', () => {
  it('takes the modules and data of spec.rego, with the policy id and version given', () => {
    const modules = { 'policy.rego': 'package edict.org.egress\n' };
    expect(opaBundleInputOf('org/egress', '1.2.0', doc({ modules, data: { hosts: ['a'] } }))).toEqual({ policyId: 'org/egress', version: '1.2.0', rego: { modules, data: { hosts: ['a'] } } });
    expect(opaBundleInputOf('org/egress', '1.2.0', doc({ modules }))).toEqual({ policyId: 'org/egress', version: '1.2.0', rego: { modules } });
  });

  it('gives nothing for a document without Rego modules (no OPA form)', () => {
    expect(opaBundleInputOf('org/egress', '1.0.0', doc(undefined))).toBeUndefined();
    expect(opaBundleInputOf('org/egress', '1.0.0', doc({ modules: {} }))).toBeUndefined();
    expect(opaBundleInputOf('org/egress', '1.0.0', doc({ data: { a: 1 } }))).toBeUndefined();
    expect(opaBundleInputOf('org/egress', '1.0.0', 'not a document')).toBeUndefined();
  });
});
