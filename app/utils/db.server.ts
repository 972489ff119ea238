// The app's one database handle: opened, migrated and (when empty) seeded on first use.
// DATABASE_URL (postgres://…) selects PostgreSQL; otherwise the SQLite file at DATABASE_PATH.
import type { Kysely } from 'kysely'
import { migrateToLatest, openDatabase } from '~db/connection'
import type { DB } from '~db/schema'
import { seedDemoData, seedReferenceData } from '~db/seed'
import { today } from './dates'
import { env } from './env.server'
import { serviceUnavailable } from './http.server'

let opening: Promise<Kysely<DB>> | undefined

/** The database where this server keeps its data, without any password it contains. */
export function databaseName(): string {
  return env.DATABASE_URL ? env.DATABASE_URL.replace(/\/\/[^@/]*@/, '//') : env.DATABASE_PATH
}

/** The app's database (a Kysely instance; models take it, or a transaction, as `Db` from models/db-types.ts). */
export function getDb(): Promise<Kysely<DB>> {
  opening ??= prepare().catch((error) => {
    // Try again on the next request: the database may come back.
    opening = undefined
    throw error
  })
  return opening
}

async function prepare(): Promise<Kysely<DB>> {
  const db = openDatabase(env.DATABASE_URL ?? env.DATABASE_PATH, {
    onUnavailable: () => serviceUnavailable('Attune cannot reach its database just now.'),
  })
  try {
    await migrateToLatest(db)
    await seedReferenceData(db)
    if (env.SEED_DEMO_DATA) await seedDemoData(db, today())
    return db
  } catch (error) {
    await db.destroy().catch(() => {})
    throw error
  }
}

/** Closes the handle (tests swap the database file between tests; servers close on shutdown). */
export async function closeDb(): Promise<void> {
  const current = opening
  opening = undefined
  if (current) await (await current).destroy()
}

/**
 * The production server opens (and migrates) its database as it starts, so that a database it
 * cannot reach stops it with a clear message and exit code 69 (EX_UNAVAILABLE), not a stack trace
 * on the first request.
 */
export const DATABASE_UNREACHABLE_EXIT_CODE = 69
if (env.NODE_ENV === 'production') {
  getDb().catch((error) => {
    const reason = error instanceof Response ? 'no connection' : error instanceof Error ? error.message : String(error)
    console.error(`Attune cannot start: the database ${databaseName()} could not be opened (${reason}).`)
    console.error(env.DATABASE_URL ? 'Check DATABASE_URL and that the PostgreSQL server is running and accepts connections.' : 'Check DATABASE_PATH and that its folder can be written.')
    process.exit(DATABASE_UNREACHABLE_EXIT_CODE)
  })
}
