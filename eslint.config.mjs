import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The wings (docs/ARCHITECTURE.md), highest first: a module imports its own wing and the wings
// below it, never one above, and no wing imports the entries at the top of src/. Pure modules do
// no I/O. __tests__/layers.test.ts checks these rules, the same order on the import graph, and that
// src/ has no cycle.
export const WINGS = [
  'shell',
  'pipeline',
  'inputs',
  'publish',
  'stage',
  'native',
  'python',
  'elf',
  'wheel',
  'zip',
  'exec',
  'log',
  'base',
];
const ENTRIES = {
  regex: '^(\\.\\./)+(action|cli|action-launcher|cli-launcher)\\.js$',
  message: 'the entries at the top of src/ import the wings, never the reverse.',
};
const above = (wing) => ({
  regex: `^(\\.\\./)+(${WINGS.slice(0, WINGS.indexOf(wing)).join('|')})/`,
  message: `src/${wing}/ may import only its own wing and the wings below it (${WINGS.slice(WINGS.indexOf(wing) + 1).join(', ')}): take what you need as a parameter.`,
});
const IO = ['fs', 'fs/promises', 'child_process', 'worker_threads', 'net', 'http', 'https'];
const PURE = {
  group: IO.flatMap((m) => [m, `node:${m}`]),
  message: 'this module is pure (no I/O): do the I/O in a module beside it and pass the data in.',
};
// Beside these, every plan (`*-plan.ts`) of every wing.
const PURE_FILES = [
  'src/base/**',
  'src/wheel/**',
  'src/publish/index/index-pages.ts',
  'src/elf/reader.ts',
  'src/elf/elf-*.ts',
  'src/inputs/inputs.ts',
  'src/inputs/input-reader.ts',
  'src/inputs/inputs-publish.ts',
  'src/pipeline/fs-failure.ts',
];
// The packer writes the zip: the one file of src/wheel/ that does I/O.
const IMPURE_FILES = ['src/wheel/pack.ts'];
// The run's one S3 session is the only way to the AWS SDK: only src/publish/s3/ names it, and
// only the session imports its values (the client, the commands); the rest of s3/ may use types.
const SESSION = 'src/publish/s3/s3-session.ts';
const SDK = (allowTypeImports) => ({
  group: ['@aws-sdk/*'],
  allowTypeImports,
  message: allowTypeImports
    ? `only ${SESSION} sends to S3: call session.send(operation, input) on the run's session.`
    : `the AWS SDK is reached only through the run's S3 session (${SESSION}): take an S3Session and call session.send(operation, input).`,
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/work/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  ...WINGS.map((wing) => ({
    files: [`src/${wing}/**`],
    rules: { 'no-restricted-imports': ['error', { patterns: [ENTRIES, above(wing)] }] },
  })),
  ...WINGS.map((wing) => ({
    files: [`src/${wing}/**/*-plan.ts`, ...PURE_FILES.filter((f) => f.startsWith(`src/${wing}/`))],
    ignores: IMPURE_FILES,
    rules: { 'no-restricted-imports': ['error', { patterns: [ENTRIES, above(wing), PURE] }] },
  })),
  {
    files: ['src/**'],
    ignores: ['src/publish/s3/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [SDK(false)] }] },
  },
  {
    files: ['src/publish/s3/**'],
    ignores: [SESSION],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [SDK(true)] }] },
  },
  {
    files: ['__tests__/**', 'bench/**', 'script/**'],
    rules: { 'no-console': 'off' },
  },
);
