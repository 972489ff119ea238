// The few places where SQLite and PostgreSQL need different SQL or report things differently, each
// behind one function, so models never ask which database they run on. The rules for writing
// portable queries are in docs/decisions/0013-postgresql-and-pdf-workers.md.
import { PostgresAdapter, sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely'

/** Whether `db` talks to PostgreSQL (otherwise SQLite). */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

/**
 * Whether a database error is a unique-constraint failure on `table`: SQLite says
 * "UNIQUE constraint failed: users.email"; PostgreSQL reports SQLSTATE 23505 with the table's name.
 */
export function isUniqueViolation(error: unknown, table: string): boolean {
  if (!(error instanceof Error)) return false
  const postgres = error as { code?: string; table?: string }
  if (postgres.code === '23505') return postgres.table === table
  return /UNIQUE constraint failed/i.test(error.message) && error.message.includes(`${table}.`)
}

/**
 * Runs one write that may break a unique constraint on `table`; returns its result, or `undefined`
 * when the constraint refused it. Inside a transaction the write runs under a savepoint, because
 * PostgreSQL refuses every later statement of a transaction in which one failed (SQLite does not),
 * so the caller can go on to read why and refuse politely. Other errors are rethrown.
 */
export async function unlessDuplicate<T>(db: Kysely<any>, table: string, write: () => Promise<T>): Promise<T | undefined> {
  if (!db.isTransaction) {
    try {
      return await write()
    } catch (error) {
      if (isUniqueViolation(error, table)) return undefined
      throw error
    }
  }
  await sql`savepoint unless_duplicate`.execute(db)
  try {
    const result = await write()
    await sql`release savepoint unless_duplicate`.execute(db)
    return result
  } catch (error) {
    await sql`rollback to savepoint unless_duplicate`.execute(db)
    await sql`release savepoint unless_duplicate`.execute(db)
    if (isUniqueViolation(error, table)) return undefined
    throw error
  }
}

/**
 * Case-insensitive "contains" on a text column. SQLite's `like` ignores the case of ASCII letters;
 * PostgreSQL's does not, so both sides are lowered. `%` and `_` typed by a person match literally.
 */
export function containsText<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, column: Expression<string | null>, text: string): Expression<SqlBool> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  return eb(eb.fn('lower', [column]), 'like', sql<string>`${pattern} escape '\\'`)
}
