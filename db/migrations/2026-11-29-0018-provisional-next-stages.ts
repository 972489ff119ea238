// ADR 0016: while a stage waits for its external accreditor, the next stage is open provisionally
// from the day after the sign-off. The app now opens it at sign-off; this opens it for stages signed
// off before that, so their trainees can log work again. Data only, no schema change. Imports nothing
// from the app; the day after is computed on the calendar date in UTC, as the app's dates are.
import type { Kysely } from 'kysely'

function dayAfter(instant: string): string {
  const date = new Date(`${instant.slice(0, 10)}T00:00:00.000Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

export async function up(db: Kysely<any>): Promise<void> {
  const waiting = await db
    .selectFrom('enrolment_stages as stage')
    .innerJoin('enrolments', 'enrolments.id', 'stage.enrolment_id')
    .innerJoin('rule_set_stages as rule', (join) => join.onRef('rule.rule_set_id', '=', 'enrolments.rule_set_id').onRef('rule.stage_number', '=', 'stage.stage_number'))
    .innerJoin('sign_offs', (join) =>
      join.onRef('sign_offs.enrolment_id', '=', 'stage.enrolment_id').onRef('sign_offs.stage_number', '=', 'stage.stage_number').on('sign_offs.superseded_at', 'is', null),
    )
    .select(['stage.enrolment_id', 'stage.stage_number', 'enrolments.rule_set_id', 'sign_offs.signed_off_at'])
    .where('stage.status', '=', 'signed_off')
    .where('stage.completed_on', 'is', null)
    .where('rule.requires_external_accreditation', '=', 1)
    .where('enrolments.status', '=', 'active')
    .execute()
  for (const row of waiting) {
    const next = await db
      .selectFrom('rule_set_stages')
      .select('stage_number')
      .where('rule_set_id', '=', row.rule_set_id)
      .where('stage_number', '>', row.stage_number)
      .orderBy('stage_number')
      .executeTakeFirst()
    if (!next) continue
    const opened = await db.selectFrom('enrolment_stages').select('id').where('enrolment_id', '=', row.enrolment_id).where('stage_number', '=', next.stage_number).executeTakeFirst()
    if (opened) continue
    await db
      .insertInto('enrolment_stages')
      .values({ enrolment_id: row.enrolment_id, stage_number: next.stage_number, status: 'in_progress', started_on: dayAfter(row.signed_off_at), locked: 0 })
      .execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // Provisional stages hold work by then; closing them is the accreditor's return, not a migration's.
  void db
}
