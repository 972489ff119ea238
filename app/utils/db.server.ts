// The app's one database handle: opened, migrated and (when empty) seeded on first use.
import type { Kysely } from 'kysely'
import { migrateToLatest, openDatabase } from '../../db/connection'
import type { DB } from '../../db/schema'
import { seedDemoData, seedReferenceData } from '../../db/seed'
import { today } from './dates'
import { env } from './env.server'

let opening: Promise<Kysely<DB>> | undefined

/** The app's database (a Kysely instance; models take it, or a transaction, as `Db` from models/db-types.ts). */
export function getDb(): Promise<Kysely<DB>> {
  return (opening ??= prepare(env.DATABASE_PATH))
}

async function prepare(filename: string): Promise<Kysely<DB>> {
  const db = openDatabase(filename)
  await migrateToLatest(db)
  await seedReferenceData(db)
  if (env.SEED_DEMO_DATA) await seedDemoData(db, today())
  return db
}

/** Closes the handle (tests swap the database file between tests; servers close on shutdown). */
export async function closeDb(): Promise<void> {
  const current = opening
  opening = undefined
  if (current) await (await current).destroy()
}
