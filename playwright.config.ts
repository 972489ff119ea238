import { defineConfig } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT ?? 3100)
const DATABASE = `data/e2e-${PORT}.sqlite`

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  // One worker: the journeys share the demo database, as people would.
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
    // UK users: dates typed day first, shown in UK time.
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--lang=en-GB', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'off',
  },
  webServer: {
    // A fresh database with the demo programme, served by the production build.
    command: `rm -f ${DATABASE} ${DATABASE}-wal ${DATABASE}-shm && node server.js`,
    url: `http://localhost:${PORT}/login`,
    env: { PORT: String(PORT), DATABASE_PATH: DATABASE, SEED_DEMO_DATA: 'true', PUBLIC_BASE_URL: `http://localhost:${PORT}` },
    reuseExistingServer: false,
    timeout: 60_000,
  },
})
