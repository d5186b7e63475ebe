// @ts-check
import js from '@eslint/js';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
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

// Words that name how a type is built rather than what it is.
const IMPLEMENTATION_SUFFIXES = ['Type', 'Object', 'Dto', 'DTO', 'Entity', 'Model'];

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

  // ---- GraphQL: the schema as partners see it (written by `npm run build:server`) and the web
  // client's operations, held to the conventions of /work/shared/design/architecture.md.
  {
    files: ['schema/schema.graphql', 'web/src/**/*.graphql'],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: { graphQLConfig: { schema: 'schema/schema.graphql', documents: 'web/src/**/*.graphql' } },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
  },
  {
    files: ['schema/schema.graphql'],
    rules: {
      ...graphqlPlugin.configs['flat/schema-recommended'].rules,
      '@graphql-eslint/naming-convention': [
        'error',
        {
          ...graphqlPlugin.configs['flat/schema-recommended'].rules['@graphql-eslint/naming-convention'][1],
          // No implementation suffix in a type's name: partners read `CommitmentTerms`, not the
          // class behind it. (Enums such as GuaranteeType keep "Type": there it is a domain word.)
          'ObjectTypeDefinition,ObjectTypeExtension': {
            forbiddenPrefixes: ['Type'],
            forbiddenSuffixes: IMPLEMENTATION_SUFFIXES,
          },
          InputObjectTypeDefinition: { forbiddenSuffixes: IMPLEMENTATION_SUFFIXES },
        },
      ],
      // Every type, field, argument, input field and enum value is described: the schema is the
      // partners' manual (test/platform/schema.test.ts checks the same from the built schema).
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          DirectiveDefinition: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
        },
      ],
      // Off: 63 object types are values without an identity of their own (Money, BusinessLicence,
      // ContactPerson, CorrectionNotice, ...); Node on every major object is checked by
      // test/platform/nodes.test.ts instead.
      '@graphql-eslint/strict-id-in-types': 'off',

      // Relay connections: `first`/`after` at least (`last`/`before` only where useful), edges
      // named ...Edge with `node` and `cursor`, PageInfo as the spec has it.
      '@graphql-eslint/relay-connection-types': 'error',
      '@graphql-eslint/relay-page-info': 'error',
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
      '@graphql-eslint/relay-edge-types': [
        'error',
        {
          withEdgeSuffix: true,
          // Plain lists stay where a list cannot grow (userErrors, a licence's items).
          listTypeCanWrapOnlyEdgeType: false,
          // Off: 7 edges carry objects that are not Nodes (AbnormalOperationsListing, AuditEvent,
          // DeregistrationClearanceTask, EnterpriseChange, ProhibitedWord, ServiceCaseMessage,
          // SimplifiedDeregistrationObjection); making them Nodes adds node(id) reads.
          shouldImplementNode: false,
        },
      ],

      // Mutations: one argument named `input` of the type <MutationName>Input.
      '@graphql-eslint/input-name': ['error', { checkInputType: true, caseSensitiveInputType: false }],
      '@graphql-eslint/no-scalar-result-type-on-mutation': 'error',
      '@graphql-eslint/require-type-pattern-with-oneof': 'error',
      '@graphql-eslint/require-nullable-fields-with-oneof': 'error',
      // Off, other conventions than this API's: payloads are non-null with `userErrors` (143 root
      // fields would fail require-nullable-result-in-root; 97 payloads have no `query: Query`
      // field); @deprecated carries a reason, not a deletion date (1); printSchema already sorts
      // the file (alphabetize).
    },
  },
  {
    files: ['web/src/**/*.graphql'],
    rules: {
      ...graphqlPlugin.configs['flat/operations-recommended'].rules,
      // Off: asks for `id` in every selection of an object that has one, for a normalising cache;
      // the client's urql document cache does not normalise (19 selections lack it today).
      '@graphql-eslint/require-selections': 'off',
    },
  },
);
