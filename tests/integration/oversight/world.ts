// Test data for oversight: two programmes side by side, each with its lead, supervisor, external
// accreditor and a trainee, plus evidence that makes a stage ready (or not) for sign-off.
import type { Kysely } from 'kysely'
import type { DB } from '~db/schema'
import { createEnrolment, createOrganisation, createProgramme, createUser } from '../../factories'

type Enrolment = Awaited<ReturnType<typeof createEnrolment>>

export async function programmeWithTrainee(db: Kysely<DB>, options: { stage?: number } = {}) {
  const organisation = await createOrganisation(db)
  const lead = await createUser(db, 'lead', { organisationId: organisation.id })
  const supervisor = await createUser(db, 'supervisor', { organisationId: organisation.id })
  const accreditor = await createUser(db, 'accreditor', { organisationId: organisation.id })
  const trainee = await createUser(db, 'trainee', { organisationId: organisation.id })
  const programme = await createProgramme(db, { organisationId: organisation.id, leadId: lead.id })
  await db.insertInto('programme_supervisors').values({ programme_id: programme.id, user_id: supervisor.id, capacity_minutes_per_month: 480 }).execute()
  const enrolment = await createEnrolment(db, {
    traineeId: trainee.id,
    programmeId: programme.id,
    supervisorId: supervisor.id,
    accreditorId: accreditor.id,
    stage: options.stage ?? 1,
  })
  return { organisation, lead, supervisor, accreditor, trainee, programme, enrolment }
}

export async function twoProgrammes(db: Kysely<DB>) {
  return { mine: await programmeWithTrainee(db), other: await programmeWithTrainee(db) }
}

/** Evidence for `stage` of the current rule set: complete (6 cycles, 2 clients, 7 h, reflection) unless `short`. */
export async function stageEvidence(db: Kysely<DB>, enrolment: Enrolment, stage = 1, { short = false } = {}) {
  const clientIds: number[] = []
  for (let i = 0; i < 2; i++) {
    const { id } = await db
      .insertInto('clients')
      .values({ trainee_id: enrolment.trainee_id, code: `C-${enrolment.id}-${stage}-${i}`, relationship: 'parent_infant', consent_supervision: 1 })
      .returning('id')
      .executeTakeFirstOrThrow()
    clientIds.push(id)
  }
  const cycles = short ? 4 : 6
  for (let i = 0; i < cycles; i++) {
    await db
      .insertInto('cycles')
      .values({ enrolment_id: enrolment.id, client_id: clientIds[i % 2], filmed_on: '2026-03-01', reviewed_on: '2026-03-08', stage_number: stage })
      .execute()
  }
  for (let i = 0; i < 7; i++) await supervisionSession(db, enrolment, { stage, status: 'confirmed' })
  await db
    .insertInto('reflections')
    .values({ enrolment_id: enrolment.id, kind: 'stage_end', stage_number: stage, body: 'What I learnt this stage.', status: 'submitted', submitted_at: '2026-04-01T10:00:00.000Z' })
    .execute()
}

export async function supervisionSession(db: Kysely<DB>, enrolment: Enrolment, { stage = 1, status = 'pending' as 'pending' | 'confirmed' } = {}) {
  return db
    .insertInto('supervision_sessions')
    .values({ enrolment_id: enrolment.id, supervisor_id: enrolment.supervisor_id!, held_on: '2026-03-10', minutes: 60, format: 'one_to_one', stage_number: stage, status })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function submittedReflection(db: Kysely<DB>, enrolment: Enrolment, stage = 1) {
  return db
    .insertInto('reflections')
    .values({ enrolment_id: enrolment.id, kind: 'session', stage_number: stage, body: 'I waited longer.', status: 'submitted', submitted_at: '2026-03-11T10:00:00.000Z' })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function auditActions(db: Kysely<DB>, enrolmentId: number) {
  return (await db.selectFrom('audit_log').select('action').where('enrolment_id', '=', enrolmentId).orderBy('id').execute()).map((r) => r.action)
}
