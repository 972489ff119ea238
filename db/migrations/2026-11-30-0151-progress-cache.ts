// The progress cache (issue 14, ADR 0022): a change stamp on each enrolment, bumped by triggers on
// every table its progress is computed from (db/progress-stamps.ts), and one cached row of derived
// progress per enrolment, valid while its stamp and calendar date match.
import type { Kysely } from 'kysely'
import { createProgressStampTriggers, dropProgressStampTriggers } from '~db/progress-stamps'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('enrolments')
    .addColumn('progress_stamp', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .createTable('enrolment_progress')
    .addColumn('enrolment_id', 'integer', (c) => c.primaryKey().references('enrolments.id').onDelete('cascade'))
    .addColumn('stamp', 'integer', (c) => c.notNull())
    .addColumn('computed_for', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .execute()
  await createProgressStampTriggers(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropProgressStampTriggers(db)
  await db.schema.dropTable('enrolment_progress').execute()
  await db.schema.alterTable('enrolments').dropColumn('progress_stamp').execute()
}
