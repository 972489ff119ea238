// Opening and migrating the database. Used by the app (app/utils/db.server.ts), scripts and tests.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { Kysely, Migrator } from 'kysely'
import { Sqlite3Dialect } from './dialect'
import { migrationProvider } from './migrations'
import type { DB } from './schema'

export function openDatabase(filename: string): Kysely<DB> {
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true })
  return new Kysely<DB>({ dialect: new Sqlite3Dialect({ filename }) })
}

export async function migrateToLatest(db: Kysely<DB>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error })
  }
}
