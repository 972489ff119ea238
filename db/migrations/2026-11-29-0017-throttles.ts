// Throttling state (issue 17, ADR 0012): counts of failed sign-ins by client and by client and
// account, and of certificate checks by client, kept in the database so that every server process
// sees the same counts. One row per key; `count` restarts when `window_started_at` is old enough.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('throttles')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('throttles').execute()
}
