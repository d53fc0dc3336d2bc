import { defineConfig } from 'vitest/config';

// Three suites, one runner: pure logic, the server against a real PostgreSQL, and the browser.
export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.unit.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'db',
          include: ['packages/server/test/**/*.db.test.ts'],
          globalSetup: ['packages/server/test/harness/globalSetup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'system',
          include: ['packages/server/test/**/*.system.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['packages/web/e2e/**/*.e2e.test.ts'],
          globalSetup: ['packages/web/e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
