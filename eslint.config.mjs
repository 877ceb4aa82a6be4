import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

const boundaries = (extraTags) => ({
  enforceBuildableLibDependency: false,
  allow: [],
  depConstraints: [
    { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:core', ...extraTags], bannedExternalImports: banIo },
    { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:core', 'type:contracts', ...extraTags], bannedExternalImports: banIo },
    { sourceTag: 'type:engine', onlyDependOnLibsWithTags: ['type:core', 'type:contracts', 'type:engine', ...extraTags], bannedExternalImports: banIo },
    { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:core', 'type:contracts', 'type:engine', 'type:domain', ...extraTags], bannedExternalImports: banIo },
    { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:core', 'type:contracts', 'type:engine', 'type:infra', ...extraTags] },
    { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:core', 'type:contracts', 'type:engine', 'type:domain', 'type:infra', ...extraTags] },
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:core', 'type:contracts', 'type:engine', 'type:domain', 'type:infra', 'type:feature', ...extraTags] },
    { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:core', 'type:contracts', 'type:engine', 'type:domain', 'type:infra', 'type:feature', 'type:testing'] },
  ],
});

const banIo = ['@nestjs/*', 'kafkajs', 'pg', 'pino', 'prom-client', '@eventstore/*', 'express', 'testcontainers', 'node:child_process', 'node:fs', 'node:net', 'node:http'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs', 'tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']", message: 'No focused tests.' },
        { selector: "CallExpression[callee.name=/^f(it|describe)$/]", message: 'No focused tests.' },
      ],
      '@nx/enforce-module-boundaries': ['error', boundaries([])],
    },
  },
  {
    // tests, and the fixtures only tests import, may use the test helpers (decider specs, the
    // infra harness) whatever they test
    files: ['**/*.spec.ts', '**/__fixtures__/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries(['type:testing'])] },
  },
  {
    files: ['**/*.spec.ts', 'libs/testing/**/*.ts', 'tools/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
