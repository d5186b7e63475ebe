// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The Node.js globals the plain JavaScript files (scripts/*.mjs, this file) use. TypeScript files
// need none: the compiler checks names, and typescript-eslint turns no-undef off for them.
const nodeGlobals = Object.fromEntries(
  [
    'AbortController',
    'AbortSignal',
    'Buffer',
    'URL',
    'URLSearchParams',
    'clearImmediate',
    'clearInterval',
    'clearTimeout',
    'console',
    'fetch',
    'globalThis',
    'process',
    'queueMicrotask',
    'setImmediate',
    'setInterval',
    'setTimeout',
    'structuredClone',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  // Build output, dependencies, the embedded database (the top-level data/ only: modules keep
  // their own data/ folders of source tables) and the typed documents codegen writes.
  {
    ignores: [
      'dist/',
      'web/dist/',
      'docs/dist/',
      'node_modules/',
      'data/',
      'coverage/',
      'test-artifacts/',
      'web/src/gql/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    rules: {
      // A leading underscore marks a parameter a signature requires but the body does not use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read GraphQL responses whose shape the assertions check; typing every response
      // would repeat the schema in each test.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
