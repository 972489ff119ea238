// Test data builders. Each takes the database first and only what the test cares about.
import type { Kysely } from 'kysely'
import type { DB, Role } from '../db/schema'
import { hashPassword } from '~/utils/password.server'

export const TEST_PASSWORD = 'correct horse battery staple'
let passwordHash: Promise<string> | undefined
let counter = 0

export async function createOrganisation(db: Kysely<DB>, name = `Trust ${++counter}`) {
  return db.insertInto('organisations').values({ name }).returning(['id', 'name']).executeTakeFirstOrThrow()
}

export async function createUser(db: Kysely<DB>, role: Role, overrides: { email?: string; name?: string; organisationId?: number } = {}) {
  const n = ++counter
  return db
    .insertInto('users')
    .values({
      email: overrides.email ?? `${role}${n}@test.attune.test`,
      name: overrides.name ?? `${role[0].toUpperCase()}${role.slice(1)} ${n}`,
      role,
      organisation_id: overrides.organisationId ?? null,
      password_hash: await (passwordHash ??= hashPassword(TEST_PASSWORD)),
    })
    .returning(['id', 'email', 'name', 'role'])
    .executeTakeFirstOrThrow()
}

export async function ruleSetIdByKey(db: Kysely<DB>, key = 'aviguk-practitioner-2024') {
  return (await db.selectFrom('rule_sets').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id
}

export async function createProgramme(
  db: Kysely<DB>,
  overrides: { organisationId?: number; name?: string; startedOn?: string; fundingEndsOn?: string; leadId?: number } = {},
) {
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
