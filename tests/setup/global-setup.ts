// Builds one migrated template database (with reference data, no demo users) per test run.
// Each test then starts from a fresh copy of it (tests/setup/integration-setup.ts).
// The `integration` project uses SQLite files; `integration-pg` starts a throw-away PostgreSQL
// cluster (tests/setup/postgres-cluster.ts) whose template database each test file copies.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { migrateToLatest, openDatabase } from '~db/connection'
import { seedReferenceData } from '~db/seed'
import { startPostgresCluster } from './postgres-cluster'

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string
    testDirectory: string
    /** Set on PostgreSQL: the address of the cluster's maintenance database ('' on SQLite). */
    postgresAdminUrl: string
  }
}

export const POSTGRES_TEMPLATE = 'attune_template'

export default async function setup(project: TestProject) {
  const directory = mkdtempSync(join(tmpdir(), 'attune-test-'))
  project.provide('testDirectory', directory)
  if (project.name !== 'integration-pg') {
    const template = join(directory, 'template.sqlite')
    await prepareTemplate(template)
    project.provide('templateDatabase', template)
    project.provide('postgresAdminUrl', '')
    return () => rmSync(directory, { recursive: true, force: true })
  }
  const cluster = await startPostgresCluster()
  try {
    const admin = openDatabase(cluster.urlOf('postgres'))
    await sqlRaw(admin, `create database ${POSTGRES_TEMPLATE}`)
    await admin.destroy()
    await prepareTemplate(cluster.urlOf(POSTGRES_TEMPLATE))
  } catch (error) {
    cluster.stop()
    throw error
  }
  project.provide('templateDatabase', POSTGRES_TEMPLATE)
  project.provide('postgresAdminUrl', cluster.urlOf('postgres'))
  return () => {
    cluster.stop()
    rmSync(directory, { recursive: true, force: true })
  }
}

async function prepareTemplate(target: string) {
  const db = openDatabase(target)
  await migrateToLatest(db)
  await seedReferenceData(db)
  await db.destroy()
}

async function sqlRaw(db: ReturnType<typeof openDatabase>, statement: string) {
  const { sql } = await import('kysely')
  await sql.raw(statement).execute(db)
}
