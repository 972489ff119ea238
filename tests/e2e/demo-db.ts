// Arranging demo data the browser cannot create on this branch yet (a trainee logging a second
// supervision session arrives with the trainee workspace). Writes to the e2e server's own file.
import { openDatabase } from '../../db/connection'

const DATABASE = `data/e2e-${Number(process.env.E2E_PORT ?? 3100)}.sqlite`

export async function addPendingSession(traineeEmail: string, notes: string, heldOn: string) {
  const db = openDatabase(DATABASE)
  try {
    const enrolment = await db
      .selectFrom('enrolments')
      .innerJoin('users', 'users.id', 'enrolments.trainee_id')
      .select(['enrolments.id', 'enrolments.supervisor_id', 'enrolments.current_stage'])
      .where('users.email', '=', traineeEmail)
      .executeTakeFirstOrThrow()
    await db
      .insertInto('supervision_sessions')
      .values({ enrolment_id: enrolment.id, supervisor_id: enrolment.supervisor_id!, held_on: heldOn, minutes: 90, format: 'remote', stage_number: enrolment.current_stage, notes })
      .execute()
  } finally {
    await db.destroy()
  }
}
