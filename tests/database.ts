// Test helpers that reach below the models and so differ between SQLite and PostgreSQL.
import { sql } from 'kysely'
import { onTestFinished } from 'vitest'
import { isPostgres, isUniqueViolation } from '~db/portable'
import type { Db } from '~/models/db-types'

/** How either database words a CHECK constraint failure ("CHECK constraint failed" / "violates check constraint"). */
export const CHECK_VIOLATION = /check constraint/i

/** For `rejects.toSatisfy`: the error is a unique-constraint failure on `table`, on either database. */
export function uniqueViolationOn(table: string) {
  return (error: unknown) => isUniqueViolation(error, table)
}

/**
 * Makes every insert into `table` fail with `message` until the test ends, to prove a transaction
 * leaves nothing half-written. (On PostgreSQL each worker keeps its database between tests.)
 */
export async function failInsertsInto(db: Db, table: string, message: string): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw(`create function fail_${table}() returns trigger language plpgsql as $$ begin raise exception '${message}'; end $$`).execute(db)
    await sql.raw(`create trigger fail_${table} before insert on ${table} for each row execute function fail_${table}()`).execute(db)
    onTestFinished(async () => {
      const { openDatabase } = await import('~db/connection')
      const { env } = await import('~/utils/env.server')
      const cleanup = openDatabase(env.DATABASE_URL!)
      await sql.raw(`drop function fail_${table}() cascade`).execute(cleanup)
      await cleanup.destroy()
    })
    return
  }
  await sql.raw(`create trigger fail_${table} before insert on ${table} begin select raise(abort, '${message}'); end`).execute(db)
}
