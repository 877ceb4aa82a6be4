import { join } from 'node:path';
import { generatedValidatorDrift, standaloneValidatorSource } from '@edict/testing';
import { decideRequestSchema } from './decide-request.schema';

describe('the decide request validator generated ahead of time', () => {
  it('is what ajv generates from decideRequestSchema today (allErrors; not strict, for the OpenAPI keywords)', () => {
    const source = standaloneValidatorSource(decideRequestSchema, { allErrors: true, strict: false }, 'libs/pdp-feature/src/http/decide-request.schema.ts');
    expect(generatedValidatorDrift(join(__dirname, 'decide-request.validator.generated.ts'), source)).toBeUndefined();
  });
});
