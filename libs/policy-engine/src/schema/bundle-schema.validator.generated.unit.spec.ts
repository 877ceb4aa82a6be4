import { join } from 'node:path';
import { generatedValidatorDrift, standaloneValidatorSource } from '@edict/testing';
import bundleSchema from '../format/bundle.schema.json';

describe('the bundle schema validator generated ahead of time', () => {
  it('is what ajv generates from bundle.schema.json today (allErrors, verbose: the messages name what is allowed)', () => {
    const source = standaloneValidatorSource(bundleSchema, { allErrors: true, verbose: true, strict: true }, 'libs/policy-engine/src/format/bundle.schema.json');
    expect(generatedValidatorDrift(join(__dirname, 'bundle-schema.validator.generated.ts'), source)).toBeUndefined();
  });
});
