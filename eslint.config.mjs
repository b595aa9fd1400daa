import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layers (../shared/ARCHITECTURE.md, DEVELOPERS.md). Leaf folders (src/wheel/, src/zip/,
// src/exec/, ...) never import the pipeline, inputs.ts or the composition roots at the top of src/;
// pure modules do no I/O. __tests__/layers.test.ts checks these rules and that src/ has no cycle.
const LEAF = {
  regex: '^(\\.\\./)+(pipeline|inputs|publishers|executors|main|cli|cli-entry|index)\\.js$',
  message:
    'a leaf folder imports neither the pipeline, inputs.ts nor a composition root: take what you need as a parameter.',
};
const IO = ['fs', 'fs/promises', 'child_process', 'worker_threads', 'net', 'http', 'https'];
const PURE = {
  group: IO.flatMap((m) => [m, `node:${m}`]),
  message: 'this module is pure (no I/O): do the I/O in a module beside it and pass the data in.',
};
const PURE_FILES = [
  'src/wheel/**',
  'src/**/*-plan.ts',
  'src/publish/index-pages.ts',
  'src/elf/reader.ts',
  'src/elf/elf-*.ts',
  'src/inputs.ts',
  'src/input-reader.ts',
  'src/inputs-publish.ts',
  'src/fs-failure.ts',
];

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
  {
    files: ['src/*/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [LEAF] }] },
  },
  {
    files: PURE_FILES,
    rules: { 'no-restricted-imports': ['error', { patterns: [LEAF, PURE] }] },
  },
  {
    files: ['__tests__/**', 'bench/**', 'script/**'],
    rules: { 'no-console': 'off' },
  },
);
