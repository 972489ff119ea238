import { defineConfig } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT ?? 3100)
const DATABASE = `data/e2e-${PORT}.sqlite`
// A real SMTP server for the app to send to (tests/e2e/smtp-sink.ts); its port follows E2E_PORT
// (3100 → 2525) so that runs on different ports side by side do not collide.
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2525 + ((((PORT - 3100) % 11) + 11) % 11))
const MAIL_FOLDER = `data/e2e-${PORT}-mail`
process.env.SMTP_SINK_DIR = MAIL_FOLDER

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
  webServer: [
    {
      command: 'tsx tests/e2e/smtp-sink.ts',
      port: SMTP_PORT,
      env: { SMTP_SINK_PORT: String(SMTP_PORT), SMTP_SINK_DIR: MAIL_FOLDER },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // A fresh database with the demo programme, served by the production build, e-mailing the sink.
      command: `rm -f ${DATABASE} ${DATABASE}-wal ${DATABASE}-shm && node server.js`,
      url: `http://localhost:${PORT}/login`,
      env: {
        PORT: String(PORT),
        DATABASE_PATH: DATABASE,
        SEED_DEMO_DATA: 'true',
        PUBLIC_BASE_URL: `http://localhost:${PORT}`,
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
})
