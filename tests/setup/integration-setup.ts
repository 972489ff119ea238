// Every integration test gets its own freshly migrated database file: a copy of the template.
import { copyFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, inject } from 'vitest'

const databasePath = join(inject('testDirectory'), `worker-${process.env.VITEST_POOL_ID ?? '0'}.sqlite`)
process.env.DATABASE_PATH = databasePath
process.env.SEED_DEMO_DATA = 'false'
process.env.SESSION_SECRET = 'test-secret-that-is-at-least-32-characters-long'
process.env.NODE_ENV = 'test'

const { closeDb } = await import('../../app/utils/db.server')

beforeEach(() => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(databasePath + suffix, { force: true })
  copyFileSync(inject('templateDatabase'), databasePath)
})

afterEach(async () => {
  await closeDb()
})
