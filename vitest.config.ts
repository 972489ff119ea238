import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '~': new URL('./app', import.meta.url).pathname } },
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
          // PDFs are drawn with an embedded font (DejaVu Sans): a whole-pathway portfolio takes a
          // few seconds on a busy 2-core machine, more than vitest's default 5 s allows.
          testTimeout: 20_000,
          environment: 'node',
          globalSetup: ['tests/setup/global-setup.ts'],
          setupFiles: ['tests/setup/integration-setup.ts'],
        },
      },
    ],
  },
})
