import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Vite prefers graphql's ESM build while type-graphql and Apollo load the CommonJS one, as Node does:
    // two copies of graphql refuse each other's types ("from another module or realm").
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['packages/*/src/**/*.spec.ts', 'tests/**/*.test.ts'],
    // One PostgreSQL for the run; each test file gets its own database cloned from the migrated template.
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['packages/api/src/testing/setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
