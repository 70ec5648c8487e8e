// ESLint flat config. TypeScript sources and tests use typescript-eslint's recommended rules (syntax-only:
// the type-checked set is left for later). The portal adds its *.vue block here with eslint-plugin-vue.
import eslint from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** The EntityManager's query methods, as an esquery regular expression. */
const EM_QUERY_METHODS = '/^(find|findOne|findOneOrFail|count|execute|nativeUpdate|nativeDelete|createQueryBuilder|getKnex)$/';

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/dist-bench/',
    '.data/',
    'coverage/',
    'test-results/',
    'bench-results/',
    // Fixture trees for the dependency-rule test: they exist for their imports, not as code.
    'tests/tooling/fixtures/',
  ]),
  {
    files: ['packages/*/src/**/*.ts', 'tests/**/*.ts'],
    extends: [eslint.configs.recommended, tseslint.configs.recommended],
    rules: {
      // `_name` marks a parameter or binding that is there on purpose (resolver signatures, destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Modules grow platform interfaces (loaders, node types, dependencies) by declaration merging.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'always' }],
    },
  },
  {
    // docs/architecture.md: every query is in a repository; services, resolvers and loaders ask the
    // repositories (em.getRepository(X), new XRepository(em)) and never query through the EntityManager.
    files: ['packages/api/src/modules/**/*.{service,resolver,loaders}.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.object.name='em'][callee.property.name=${EM_QUERY_METHODS}]`,
          message: 'Queries belong in a repository (docs/architecture.md): call a repository method instead of em.<query>.',
        },
        {
          selector: `CallExpression[callee.object.property.name='em'][callee.object.object.name='ctx'][callee.property.name=${EM_QUERY_METHODS}]`,
          message: 'Queries belong in a repository (docs/architecture.md): call a repository method instead of ctx.em.<query>.',
        },
        {
          selector: `CallExpression[callee.object.property.name='em'][callee.object.object.property.name='ctx'][callee.object.object.object.type='ThisExpression'][callee.property.name=${EM_QUERY_METHODS}]`,
          message: 'Queries belong in a repository (docs/architecture.md): call a repository method instead of this.ctx.em.<query>.',
        },
      ],
    },
  },
  {
    // Tests read GraphQL responses as untyped JSON (`Record<string, any>`), which is fine there.
    files: ['tests/**/*.ts', 'packages/*/src/**/*.spec.ts', 'packages/*/src/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
