// Issue 11: implausible evidence is warned about (never refused), with the limits as rule-set data.
// Existing rule sets get the defaults: more than 5 hours of supervision, or more than 4 shared
// reviews, on one day is worth a second look. Imports nothing from the app.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('rule_sets')
    .addColumn('max_supervision_minutes_per_day', 'integer', (c) => c.notNull().defaultTo(300))
    .execute()
  await db.schema
    .alterTable('rule_sets')
    .addColumn('max_shared_reviews_per_day', 'integer', (c) => c.notNull().defaultTo(4))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rule_sets').dropColumn('max_shared_reviews_per_day').execute()
  await db.schema.alterTable('rule_sets').dropColumn('max_supervision_minutes_per_day').execute()
}
