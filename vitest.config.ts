import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

// Shared by the API and browser projects: both run against the real API on the run's PostgreSQL.
const againstTheApi = {
  resolve: {
    // Vite prefers graphql's ESM build while type-graphql and Apollo load the CommonJS one, as Node does:
    // two copies of graphql refuse each other's types ("from another module or realm").
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    // One PostgreSQL for the run; each test file gets its own database cloned from the migrated template.
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['packages/api/src/testing/setup.ts'],
    pool: 'forks' as const,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...againstTheApi,
        test: {
          ...againstTheApi.test,
          name: 'api',
          sequence: { groupOrder: 0 },
          include: ['packages/*/src/**/*.spec.ts', 'tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', '**/node_modules/**'],
        },
      },
      // Component tests of the portal: Vue in happy-dom, Apollo mocked at the GraphQL boundary.
      {
        plugins: [vue()],
        test: {
          name: 'portal',
          sequence: { groupOrder: 0 },
          include: ['packages/portal/**/*.spec.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
          environment: 'happy-dom',
        },
      },
      // Browser journeys: the built portal served by a real API, in headless Chromium (playwright-core). They run after
      // the others (groupOrder), so Chromium does not compete for the CPU with the API's timing-sensitive tests.
      {
        ...againstTheApi,
        test: {
          ...againstTheApi.test,
          name: 'browser',
          sequence: { groupOrder: 1 },
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
