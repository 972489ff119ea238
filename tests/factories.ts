// Test data builders. Each takes the database first and only what the test cares about.
import type { Kysely } from 'kysely'
import type { DB, Role } from '~db/schema'
import { hashPassword } from '~/utils/password.server'

export const TEST_PASSWORD = 'correct horse battery staple'
let passwordHash: Promise<string> | undefined
let counter = 0

export async function createOrganisation(db: Kysely<DB>, name = `Trust ${++counter}`) {
  return db.insertInto('organisations').values({ name }).returning(['id', 'name']).executeTakeFirstOrThrow()
}

/**
 * A person holding `roles` (one role, or several: ADR 0018). The result is also a Viewer: `role` is
 * their first role in the order given, `roles` all of them.
 */
export async function createUser(db: Kysely<DB>, roles: Role | readonly Role[], overrides: { email?: string; name?: string; organisationId?: number } = {}) {
  const n = ++counter
  const held = [roles].flat()
  const role = held[0]
  const user = await db
    .insertInto('users')
    .values({
      email: overrides.email ?? `${held.join('-')}${n}@test.attune.test`,
      name: overrides.name ?? `${role[0].toUpperCase()}${role.slice(1)} ${n}`,
      organisation_id: overrides.organisationId ?? null,
      password_hash: await (passwordHash ??= hashPassword(TEST_PASSWORD)),
    })
    .returning(['id', 'email', 'name'])
    .executeTakeFirstOrThrow()
  await db
    .insertInto('user_roles')
    .values(held.map((r) => ({ user_id: user.id, role: r })))
    .execute()
  return { ...user, role, roles: held }
}

export async function ruleSetIdByKey(db: Kysely<DB>, key = 'aviguk-practitioner-2026') {
  return (await db.selectFrom('rule_sets').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id
}

export async function createProgramme(db: Kysely<DB>, overrides: { organisationId?: number; name?: string; startedOn?: string; fundingEndsOn?: string; leadId?: number } = {}) {
  const organisationId = overrides.organisationId ?? (await createOrganisation(db)).id
  const programme = await db
    .insertInto('programmes')
    .values({
      organisation_id: organisationId,
      name: overrides.name ?? `Programme ${++counter}`,
      started_on: overrides.startedOn ?? '2026-01-05',
      funding_ends_on: overrides.fundingEndsOn ?? '2027-03-31',
      budget_pence: 2_000_000,
    })
    .returning(['id', 'name', 'organisation_id'])
    .executeTakeFirstOrThrow()
  if (overrides.leadId) await db.insertInto('programme_leads').values({ programme_id: programme.id, user_id: overrides.leadId }).execute()
  return programme
}

/** A trainee enrolled on a programme, in `stage` since `stageStartedOn`, with earlier stages accredited. */
export async function createEnrolment(
  db: Kysely<DB>,
  options: {
    traineeId?: number
    programmeId?: number
    supervisorId?: number | null
    accreditorId?: number | null
    ruleSetKey?: string
    stage?: number
    startedOn?: string
    stageStartedOn?: string
  } = {},
) {
  const traineeId = options.traineeId ?? (await createUser(db, 'trainee')).id
  const programmeId = options.programmeId ?? (await createProgramme(db)).id
  const supervisorId = options.supervisorId === undefined ? (await createUser(db, 'supervisor')).id : options.supervisorId
  const accreditorId = options.accreditorId === undefined ? (await createUser(db, 'accreditor')).id : options.accreditorId
  const stage = options.stage ?? 1
  const startedOn = options.startedOn ?? '2026-01-05'
  const enrolment = await db
    .insertInto('enrolments')
    .values({
      trainee_id: traineeId,
      programme_id: programmeId,
      rule_set_id: await ruleSetIdByKey(db, options.ruleSetKey),
      started_on: startedOn,
      current_stage: stage,
      supervisor_id: supervisorId,
      external_accreditor_id: accreditorId,
    })
    .returning(['id', 'trainee_id', 'programme_id', 'supervisor_id', 'external_accreditor_id', 'rule_set_id'])
    .executeTakeFirstOrThrow()
  for (let s = 0; s <= stage; s++) {
    const current = s === stage
    await db
      .insertInto('enrolment_stages')
      .values({
        enrolment_id: enrolment.id,
        stage_number: s,
        status: current ? 'in_progress' : s === 0 ? 'signed_off' : 'accredited',
        started_on: current ? (options.stageStartedOn ?? startedOn) : startedOn,
        completed_on: current ? null : startedOn,
        locked: current ? 0 : 1,
      })
      .execute()
  }
  return enrolment
}

/** A client of `traineeId`, by default with consent to supervision and intervision from 10 Jan 2026. */
export async function createClientRow(
  db: Kysely<DB>,
  traineeId: number,
  overrides: Partial<{
    code: string
    consentGivenOn: string | null
    supervision: boolean
    intervision: boolean
    evaluation: boolean
    withdrawnOn: string | null
    workEndedOn: string | null
  }> = {},
) {
  return db
    .insertInto('clients')
    .values({
      trainee_id: traineeId,
      code: overrides.code ?? `TC-${++counter}`,
      relationship: 'parent_infant',
      helping_question: 'I want to enjoy playing together again.',
      consent_given_on: overrides.consentGivenOn === undefined ? '2026-01-10' : overrides.consentGivenOn,
      consent_supervision: overrides.supervision === false ? 0 : 1,
      consent_intervision: overrides.intervision === false ? 0 : 1,
      consent_evaluation: overrides.evaluation ? 1 : 0,
      consent_withdrawn_on: overrides.withdrawnOn ?? null,
      work_ended_on: overrides.workEndedOn ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** A cycle; completed (reviewed, counted in `stageNumber`) unless reviewedOn is null. */
export async function createCycleRow(db: Kysely<DB>, options: { enrolmentId: number; clientId: number; filmedOn?: string; reviewedOn?: string | null; stageNumber?: number | null }) {
  const reviewedOn = options.reviewedOn === undefined ? '2026-02-10' : options.reviewedOn
  return db
    .insertInto('cycles')
    .values({
      enrolment_id: options.enrolmentId,
      client_id: options.clientId,
      filmed_on: options.filmedOn ?? '2026-02-03',
      reviewed_on: reviewedOn,
      stage_number: reviewedOn === null ? null : (options.stageNumber ?? 1),
      clip_count: 3,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function createSessionRow(
  db: Kysely<DB>,
  options: {
    enrolmentId: number
    supervisorId: number
    heldOn?: string
    minutes?: number
    status?: 'pending' | 'confirmed' | 'returned'
    stageNumber?: number
    returnComment?: string
    clientIds?: number[]
  },
) {
  const session = await db
    .insertInto('supervision_sessions')
    .values({
      enrolment_id: options.enrolmentId,
      supervisor_id: options.supervisorId,
      held_on: options.heldOn ?? '2026-02-12',
      minutes: options.minutes ?? 60,
      format: 'one_to_one',
      stage_number: options.stageNumber ?? 1,
      status: options.status ?? 'pending',
      decided_by: options.status && options.status !== 'pending' ? options.supervisorId : null,
      decided_at: options.status && options.status !== 'pending' ? '2026-02-14T10:00:00.000Z' : null,
      return_comment: options.returnComment ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  for (const clientId of options.clientIds ?? []) {
    await db.insertInto('supervision_session_clients').values({ session_id: session.id, client_id: clientId }).execute()
  }
  return session
}

export async function createReflectionRow(
  db: Kysely<DB>,
  options: { enrolmentId: number; kind?: 'session' | 'stage_end'; stageNumber?: number; sessionId?: number | null; status?: 'draft' | 'submitted'; body?: string },
) {
  return db
    .insertInto('reflections')
    .values({
      enrolment_id: options.enrolmentId,
      kind: options.kind ?? 'session',
      stage_number: options.stageNumber ?? 1,
      supervision_session_id: options.sessionId ?? null,
      body: options.body ?? 'I waited before naming the moment.',
      status: options.status ?? 'draft',
      submitted_at: options.status === 'submitted' ? '2026-02-15T18:00:00.000Z' : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}
