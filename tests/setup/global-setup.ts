// Builds one migrated template database (with reference data, no demo users) per test run.
// Each test then starts from a fresh copy of it (tests/setup/integration-setup.ts).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { migrateToLatest, openDatabase } from '../../db/connection'
import { seedReferenceData } from '../../db/seed'

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string
    testDirectory: string
  }
}

export default async function setup(project: TestProject) {
  const directory = mkdtempSync(join(tmpdir(), 'attune-test-'))
  const template = join(directory, 'template.sqlite')
  const db = openDatabase(template)
  await migrateToLatest(db)
  await seedReferenceData(db)
  await db.destroy()
  project.provide('templateDatabase', template)
  project.provide('testDirectory', directory)
  return () => rmSync(directory, { recursive: true, force: true })
}
