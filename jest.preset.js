// Shared Jest settings: swc transform (with decorator metadata, as the build uses) and the
// tsconfig path aliases mapped to sources. The tier of a test is in its file name.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = __dirname;
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
const { paths } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;

const moduleNameMapper = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [`^${alias}$`, join(root, target)]),
);

// Dependencies that ship only ES modules (the policy engine's CEL library, jose).
const esmOnly = ['@marcbachmann/cel-js', 'jose'];

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false, jsc: { ...swcrc.jsc, baseUrl: undefined, paths: undefined } }],
    // ESM-only packages: Node >= 20.19 require()s them natively (the build relies on that);
    // Jest 30 on Node 20 does not, so they are compiled to CommonJS here (see esmOnly below).
    [`/node_modules/(${esmOnly.join('|')})/.+\\.js$`]: ['@swc/jest', { swcrc: false, module: { type: 'commonjs' }, jsc: { target: 'es2022' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  rootDir: root,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
