// The progress cache's summary (issue 14, ADR 0022): the few fields a programme's headline counts,
// charts, filters and sort need, as columns beside the full payload, so the lead's page reads 500
// trainees' summaries and parses the payload of only the 25 rows it shows. Cached rows written
// before these columns existed are deleted: the cache refills itself on the next read.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('enrolment_progress').execute()
  await db.schema
    .alterTable('enrolment_progress')
    .addColumn('stage_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema.alterTable('enrolment_progress').addColumn('worst_severity', 'text').execute()
  await db.schema
    .alterTable('enrolment_progress')
    .addColumn('flag_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.alterTable('enrolment_progress').addColumn('accreditation_on', 'text').execute()
  await db.schema.alterTable('enrolment_progress').addColumn('last_activity_on', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['last_activity_on', 'accreditation_on', 'flag_count', 'worst_severity', 'stage_name']) await db.schema.alterTable('enrolment_progress').dropColumn(column).execute()
}
