// Opening and migrating the database. Used by the app (app/utils/db.server.ts), scripts and tests.
// A `postgres://` address opens PostgreSQL (db/postgres.ts); anything else is a SQLite file (db/dialect.ts).
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { Kysely, Migrator, sql } from 'kysely'
import { Sqlite3Dialect } from './dialect'
import { migrationProvider } from './migrations'
import { isPostgres } from './portable'
import { POSTGRES_COMPATIBILITY, createPostgresDialect, isPostgresUrl, type PostgresOptions } from './postgres'
import type { DB } from './schema'

export interface OpenOptions {
  /** PostgreSQL only: turns a connection failure into what callers should see (see db/postgres.ts). */
  onUnavailable?: PostgresOptions['onUnavailable']
  /** PostgreSQL only: connections in this process's pool. */
  maxConnections?: number
}

/** Opens `target`: a `postgres://…` address, or the path of a SQLite file (created with its folder). */
export function openDatabase(target: string, options: OpenOptions = {}): Kysely<DB> {
  if (isPostgresUrl(target)) return new Kysely<DB>({ dialect: createPostgresDialect({ url: target, ...options }) })
  if (target !== ':memory:') mkdirSync(dirname(target), { recursive: true })
  return new Kysely<DB>({ dialect: new Sqlite3Dialect({ filename: target }) })
}

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  // In a transaction, so two processes starting at once take turns (see db/postgres.ts).
  if (isPostgres(db)) await db.transaction().execute((trx) => sql.raw(POSTGRES_COMPATIBILITY).execute(trx))
  const migrator = new Migrator({ db, provider: migrationProvider })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error })
  }
}
