import { ValidationError } from '@edict/core';
import { createValidationPipe } from '../validation/validation.pipe';
import { BundleDocumentFields as F } from './bundle-document-fields';

class ProbeDto {
  @F.document() document?: Record<string, unknown>;
  @F.source() source?: string;
  @F.format() format?: 'yaml' | 'json';
  @F.filename() filename?: string;
}

const pipe = createValidationPipe();
const check = (value: unknown): Promise<unknown> => pipe.transform(value, { type: 'body', metatype: ProbeDto });
const refusal = (value: unknown): Promise<unknown> => check(value).then(() => undefined, (error: unknown) => error);

describe('BundleDocumentFields', () => {
  it('given a document or a source with its format and file name, when validated, then it passes', async () => {
    await expect(check({ source: 'kind: PolicyBundle', format: 'yaml', filename: 'b.yaml' })).resolves.toMatchObject({ source: 'kind: PolicyBundle' });
    await expect(check({ document: { kind: 'PolicyBundle' } })).resolves.toMatchObject({ document: { kind: 'PolicyBundle' } });
  });

  it('given a wrong format, a document that is not an object, a long file name and an unknown field, then each is refused by path', async () => {
    const error = await refusal({ format: 'toml', document: 'text', filename: 'x'.repeat(257), extra: 1 });
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details).toMatchObject({ errors: expect.arrayContaining([expect.objectContaining({ path: 'format' }), expect.objectContaining({ path: 'document' }), expect.objectContaining({ path: 'filename' }), expect.objectContaining({ path: 'extra' })]) });
  });
});
