import { documentRequests } from './document-requests';

const plan = {
  format_version: '1.2',
  resource_changes: [
    { address: 'aws_s3_bucket.a', change: { actions: ['create'], after: { acl: 'private' } } },
    { address: 'aws_db_instance.m', change: { actions: ['delete', 'create'], after: null } },
  ],
};

describe('documentRequests', () => {
  it('given a Terraform plan, then one request per resource change: address, joined actions, attributes after', () => {
    expect(documentRequests([plan], [])).toEqual({
      ok: true,
      mapping: 'terraform-plan',
      items: [
        { label: 'aws_s3_bucket.a', request: { agent: 'terraform', action: 'create', resource: 'aws_s3_bucket.a', context: { acl: 'private' } } },
        { label: 'aws_db_instance.m', request: { agent: 'terraform', action: 'delete-create', resource: 'aws_db_instance.m', context: {} } },
      ],
    });
  });

  it('given Kubernetes objects and a List, then Kind/namespace/name, namespace default when unset, a nameless object a problem', () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }, { apiVersion: 'v1', kind: 'Secret', metadata: {} }] };
    const answer = documentRequests([{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' } }, list], []);
    expect(answer.ok && answer.items.map((i) => ('problem' in i ? `${i.label}: ${i.problem}` : i.request.resource))).toEqual(['Deployment/shop/web', 'ConfigMap/default/c', 'Secret/default/: metadata.name is missing']);
  });

  it('given a declared mapping whose items are in the document, then it wins over the shape; literals stay literal', () => {
    const inputs = [{ name: 'services', items: '$.services', agent: 'ci', action: 'deploy', resource: '$["service-name"]' }];
    const answer = documentRequests([{ services: [{ 'service-name': 'web', replicas: 3 }] }], inputs);
    expect(answer).toEqual({ ok: true, mapping: 'services', items: [{ label: 'web', request: { agent: 'ci', action: 'deploy', resource: 'web', context: { 'service-name': 'web', replicas: 3 } } }] });
  });

  it('given --input naming a built-in, then it is used even when the bundle declares others', () => {
    const answer = documentRequests([plan], [{ name: 'mine', items: '$.x', action: 'a', resource: 'r' }], 'terraform-plan');
    expect(answer.ok && answer.mapping).toBe('terraform-plan');
  });

  it('given an unknown mapping, a bad items path, or a shape nobody knows, then a clear refusal', () => {
    expect(documentRequests([plan], [], 'nope')).toEqual({ ok: false, message: "no input mapping 'nope': the bundle declares none; built in: terraform-plan, kubernetes" });
    expect(documentRequests([{}], [{ name: 'm', items: '$..x', action: 'a', resource: 'r' }], 'm')).toMatchObject({ ok: false, message: expect.stringContaining("items '$..x' is not a path") });
    expect(documentRequests([{ a: 1 }], [])).toMatchObject({ ok: false, message: expect.stringContaining('cannot tell how to read this document') });
  });
});
