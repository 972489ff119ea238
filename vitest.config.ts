import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '~db': new URL('./db', import.meta.url).pathname, '~': new URL('./app', import.meta.url).pathname } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // PDFs are drawn with an embedded font (DejaVu Sans), about twice as slow as the built-in
          // Helvetica: three record downloads with their portfolios took 22 s on a 2-core machine
          // shared by seven test runs. Speed is measured by `npm run bench`, not here.
          testTimeout: 60_000,
          exclude: ['tests/integration/**/*.pg.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/global-setup.ts'],
          setupFiles: ['tests/setup/integration-setup.ts'],
        },
      },
      // The same suite on PostgreSQL (a throw-away cluster; see tests/setup/postgres-cluster.ts).
      {
        extends: true,
        test: {
          name: 'integration-pg',
          include: ['tests/integration/**/*.test.ts'],
          exclude: ['tests/integration/**/*.sqlite.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/global-setup.ts'],
          setupFiles: ['tests/setup/integration-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
})
