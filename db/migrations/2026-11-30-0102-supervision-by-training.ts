// Issue 11: substitutions as data. A stage may let up to `supervision_by_training_minutes` of its
// supervision be met by training logged in place of supervision (a provider allowing a half day of
// training in place of one Stage 1 supervision hour: 60). A session row says which it is
// (`kind`: 'supervision', or 'training' logged in place of supervision). Existing rows: no
// substitution, every session is supervision. Imports nothing from the app.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('rule_set_stages')
    .addColumn('supervision_by_training_minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('supervision_sessions')
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .defaultTo('supervision')
        .check(sql`kind in ('supervision', 'training')`),
    )
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('supervision_sessions').dropColumn('kind').execute()
  await db.schema.alterTable('rule_set_stages').dropColumn('supervision_by_training_minutes').execute()
}
