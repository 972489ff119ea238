// Enrolments: finding one the viewer may see (the rule is access.server.ts `enrolmentScope`), the
// stage a date falls in and whether a stage is locked, and a lead's decisions (enrolling,
// reassigning, unlocking), each audited.
import { NOT_OWN_ACCREDITATION, NOT_OWN_SUPERVISION, NOT_OWN_SUPERVISOR, type EnrolInput, type ReassignInput } from '~/schemas/enrolment'
import { Refusal } from '~/utils/refusal.server'
import { appendAudit } from './audit.server'
import { enrolmentScope, ownEnrolments, programmeEnrolmentScope, programmeScope, type EnrolmentScope, type Viewer } from './access.server'
import type { Db } from './db-types'
import { holdingRole } from './user.server'

const enrolmentColumns = [
  'enrolments.id',
  'enrolments.trainee_id',
  'enrolments.programme_id',
  'enrolments.rule_set_id',
  'enrolments.started_on',
  'enrolments.current_stage',
  'enrolments.status',
  'enrolments.supervisor_id',
  'enrolments.external_accreditor_id',
  'enrolments.joined_at_stage',
  'enrolments.completed_on',
] as const

/** One enrolment, only if `viewer` may see it (else undefined: callers answer 404). */
export async function findVisibleEnrolment(db: Db, viewer: Viewer, enrolmentId: number) {
  return findEnrolmentInScope(db, enrolmentScope(viewer), enrolmentId)
}

/** One enrolment with its trainee's and programme's names, if it lies within `scope` (an access rule from access.server.ts); else undefined. */
export async function findEnrolmentInScope(db: Db, scope: EnrolmentScope, enrolmentId: number) {
  return db
    .selectFrom('enrolments')
    .innerJoin('users as trainee', 'trainee.id', 'enrolments.trainee_id')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
    .select([...enrolmentColumns, 'trainee.name as trainee_name', 'programmes.name as programme_name', 'programmes.funding_ends_on'])
    .where('enrolments.id', '=', enrolmentId)
    .where(scope)
    .executeTakeFirst()
}

/** The trainee's current enrolment: the active one, else the most recent. */
export async function findTraineeEnrolment(db: Db, traineeId: number) {
  return (
    db
      .selectFrom('enrolments')
      .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
      // With its progress stamp: the trainee's home reads progress through the cache (ADR 0022).
      .select([...enrolmentColumns, 'enrolments.progress_stamp', 'programmes.name as programme_name', 'programmes.funding_ends_on'])
      .where(ownEnrolments(traineeId))
      .orderBy((eb) => eb.case().when('enrolments.status', '=', 'active').then(0).else(1).end())
      .orderBy('enrolments.started_on', 'desc')
      .executeTakeFirst()
  )
}

/** Enrolments with the trainee's name and their current stage's row: the base of every trainee table. */
export function enrolmentsWithCurrentStage(db: Db) {
  return db
    .selectFrom('enrolments')
    .innerJoin('users as trainee', 'trainee.id', 'enrolments.trainee_id')
    .innerJoin('enrolment_stages as stage', (join) => join.onRef('stage.enrolment_id', '=', 'enrolments.id').onRef('stage.stage_number', '=', 'enrolments.current_stage'))
    .innerJoin('programmes as programme', 'programme.id', 'enrolments.programme_id')
    .select([
      'enrolments.id',
      'enrolments.trainee_id',
      'enrolments.rule_set_id',
      'enrolments.current_stage',
      'enrolments.status',
      'enrolments.started_on',
      'enrolments.completed_on',
      'enrolments.supervisor_id',
      'enrolments.external_accreditor_id',
      // Read with the fields above in one statement, so a cached progress never outlives them (ADR 0022).
      'enrolments.progress_stamp',
      'programme.funding_ends_on',
      'trainee.name as trainee_name',
      'stage.status as stage_status',
      'stage.started_on as stage_started_on',
      'stage.completed_on as stage_completed_on',
    ])
}

export async function listEnrolmentStages(db: Db, enrolmentIds: number[]) {
  if (enrolmentIds.length === 0) return []
  return db.selectFrom('enrolment_stages').selectAll().where('enrolment_id', 'in', enrolmentIds).orderBy('enrolment_id').orderBy('stage_number').execute()
}

/**
 * The stage the trainee was in on `date`: the latest stage that had started by then. Evidence is
 * counted towards that stage ("each completed cycle counts toward the stage the trainee was in on
 * the shared-review date").
 */
export async function stageOnDate(db: Db, enrolmentId: number, date: string) {
  return db
    .selectFrom('enrolment_stages')
    .select(['stage_number', 'status', 'locked', 'started_on'])
    .where('enrolment_id', '=', enrolmentId)
    .where('started_on', '<=', date)
    .orderBy('stage_number', 'desc')
    .executeTakeFirst()
}

/**
 * Whether the records of one stage may still change. Sign-off locks a stage (read-only while it
 * awaits accreditation), a returned accreditation unlocks it, accreditation keeps it locked, and a
 * programme lead may unlock it with a written reason. So: editable exactly when `locked = 0`.
 */
export async function stageLock(db: Db, enrolmentId: number, stageNumber: number): Promise<{ open: true } | { open: false; reason: string }> {
  const stage = await db
    .selectFrom('enrolment_stages')
    .innerJoin('enrolments', 'enrolments.id', 'enrolment_stages.enrolment_id')
    .innerJoin('rule_set_stages', (join) =>
      join.onRef('rule_set_stages.rule_set_id', '=', 'enrolments.rule_set_id').onRef('rule_set_stages.stage_number', '=', 'enrolment_stages.stage_number'),
    )
    .select(['enrolment_stages.locked', 'enrolment_stages.status', 'enrolment_stages.completed_on', 'rule_set_stages.name'])
    .where('enrolment_stages.enrolment_id', '=', enrolmentId)
    .where('enrolment_stages.stage_number', '=', stageNumber)
    .executeTakeFirst()
  if (!stage) return { open: false, reason: 'That stage has not started yet.' }
  if (stage.locked === 0) return { open: true }
  const why =
    stage.status === 'accredited'
      ? `${stage.name} has been accredited`
      : stage.status === 'recognised'
        ? `${stage.name} was recognised from earlier training`
        : `${stage.name} has been signed off and is waiting for accreditation`
  return { open: false, reason: `${why}, so its records are read-only. Ask your programme lead if something needs correcting.` }
}

// ---- Enrolling, reassigning, unlocking: a programme lead's decisions, each audited -------------

/** Who and what a lead can choose from when enrolling on a programme they lead. */
export async function enrolmentFormOptions(db: Db, viewer: Viewer, programmeId: number) {
  const programme = await db.selectFrom('programmes').select(['id', 'name', 'organisation_id', 'started_on']).where('id', '=', programmeId).where(programmeScope(viewer)).executeTakeFirst()
  if (!programme) return undefined
  const [trainees, supervisors, accreditors, ruleSets] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'name'])
      .where(holdingRole('trainee'))
      .where('organisation_id', '=', programme.organisation_id)
      .where('deactivated_at', 'is', null)
      .where('id', 'not in', (eb) => eb.selectFrom('enrolments').select('trainee_id').where('programme_id', '=', programmeId))
      .orderBy('name')
      .execute(),
    supervisorChoices(db, programmeId, programme.organisation_id),
    accreditorChoices(db, programme.organisation_id),
    db.selectFrom('rule_sets').select(['id', 'name', 'version', 'status']).where('status', '!=', 'draft').orderBy('status').orderBy('version', 'desc').execute(),
  ])
  const stages = await db
    .selectFrom('rule_set_stages')
    .select(['rule_set_id', 'stage_number', 'name'])
    .where(
      'rule_set_id',
      'in',
      ruleSets.map((r) => r.id),
    )
    .orderBy('stage_number')
    .execute()
  return { programme, trainees, supervisors, accreditors, ruleSets, stages }
}

/**
 * The supervisors a trainee of the programme can be given: every active supervisor of its
 * organisation, chosen at once (issue 11), with their monthly capacity on this programme in minutes,
 * or null where none is set yet (capacity is optional; it is set on the programme's Edit page).
 */
function supervisorChoices(db: Db, programmeId: number, organisationId: number) {
  return db
    .selectFrom('users')
    .leftJoin('programme_supervisors', (join) => join.onRef('programme_supervisors.user_id', '=', 'users.id').on('programme_supervisors.programme_id', '=', programmeId))
    .select(['users.id', 'users.name', 'programme_supervisors.capacity_minutes_per_month as capacity_minutes'])
    .where(holdingRole('supervisor'))
    .where('users.organisation_id', '=', organisationId)
    .where('users.deactivated_at', 'is', null)
    .orderBy('users.name')
    .execute()
}

/** A supervisor given a trainee joins the programme's supervisors (capacity not set: 0) so the Edit page lists them. */
async function joinProgrammeSupervisors(trx: Db, programmeId: number, supervisorId: number) {
  await trx
    .insertInto('programme_supervisors')
    .values({ programme_id: programmeId, user_id: supervisorId })
    .onConflict((oc) => oc.columns(['programme_id', 'user_id']).doNothing())
    .execute()
}

/**
 * External accreditors are accreditors, or accredited supervisors of the organisation acting as one
 * (`isAccreditor`: whether they hold the accreditor role; accreditors are listed first).
 */
async function accreditorChoices(db: Db, organisationId: number) {
  const rows = await db
    .selectFrom('users')
    .select((eb) => ['id', 'name', holdingRole('accreditor')(eb).as('accredits')])
    .where(holdingRole('accreditor', 'supervisor'))
    .where('organisation_id', '=', organisationId)
    .where('deactivated_at', 'is', null)
    .orderBy('name')
    .execute()
  const people = rows.map((r) => ({ id: r.id, name: r.name, isAccreditor: Boolean(r.accredits) }))
  return [...people.filter((p) => p.isAccreditor), ...people.filter((p) => !p.isAccreditor)]
}

/**
 * Enrols a trainee: the enrolment, its stages (earlier ones recognised with the reason when the
 * trainee joins part-way), the first assignment rows and an audit row. Undefined when the viewer
 * does not lead the programme; a Refusal when a choice is not allowed.
 */
export async function enrolTrainee(trx: Db, viewer: Viewer, programmeId: number, input: EnrolInput): Promise<number | undefined> {
  const options = await enrolmentFormOptions(trx, viewer, programmeId)
  if (!options) return undefined
  if (!options.trainees.some((t) => t.id === input.traineeId)) throw new Refusal('Choose a trainee of this programme’s organisation who is not enrolled on it yet', 'traineeId')
  if (!options.supervisors.some((s) => s.id === input.supervisorId)) throw new Refusal('Choose a supervisor of the programme’s organisation', 'supervisorId')
  if (!options.accreditors.some((a) => a.id === input.accreditorId)) throw new Refusal('Choose an accreditor or supervisor of the organisation', 'accreditorId')
  if (input.supervisorId === input.traineeId) throw new Refusal(NOT_OWN_SUPERVISION, 'supervisorId')
  if (input.accreditorId === input.traineeId) throw new Refusal(NOT_OWN_ACCREDITATION, 'accreditorId')
  if (input.accreditorId === input.supervisorId) throw new Refusal(NOT_OWN_SUPERVISOR, 'accreditorId')
  if (!options.ruleSets.some((r) => r.id === input.ruleSetId)) throw new Refusal('Choose a rule set', 'ruleSetId')
  const stages = options.stages.filter((s) => s.rule_set_id === input.ruleSetId)
  if (!stages.some((s) => s.stage_number === input.startingStage)) throw new Refusal('That rule set has no such stage', 'startingStage')
  const reason = input.startingStage > 0 ? input.priorLearningReason : null

  const { id } = await trx
    .insertInto('enrolments')
    .values({
      trainee_id: input.traineeId,
      programme_id: programmeId,
      rule_set_id: input.ruleSetId,
      started_on: input.startedOn,
      current_stage: input.startingStage,
      supervisor_id: input.supervisorId,
      external_accreditor_id: input.accreditorId,
      joined_at_stage: input.startingStage,
      prior_learning_reason: reason,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('enrolment_stages')
    .values(
      stages
        .filter((s) => s.stage_number <= input.startingStage)
        .map((s) =>
          s.stage_number < input.startingStage
            ? {
                enrolment_id: id,
                stage_number: s.stage_number,
                status: 'recognised' as const,
                started_on: input.startedOn,
                completed_on: input.startedOn,
                locked: 1 as const,
                recognised_reason: reason,
              }
            : {
                enrolment_id: id,
                stage_number: s.stage_number,
                status: 'in_progress' as const,
                started_on: input.startedOn,
                completed_on: null,
                locked: 0 as const,
                recognised_reason: null,
              },
        ),
    )
    .execute()
  await joinProgrammeSupervisors(trx, programmeId, input.supervisorId)
  await trx
    .insertInto('enrolment_assignments')
    .values([
      { enrolment_id: id, kind: 'supervisor', user_id: input.supervisorId, from_on: input.startedOn, assigned_by: viewer.id },
      { enrolment_id: id, kind: 'accreditor', user_id: input.accreditorId, from_on: input.startedOn, assigned_by: viewer.id },
    ])
    .execute()
  await appendAudit(trx, {
    actorId: viewer.id,
    action: 'enrolment.created',
    entityType: 'enrolment',
    entityId: id,
    enrolmentId: id,
    after: {
      traineeId: input.traineeId,
      ruleSetId: input.ruleSetId,
      startedOn: input.startedOn,
      startingStage: input.startingStage,
      supervisorId: input.supervisorId,
      accreditorId: input.accreditorId,
    },
    reason,
  })
  return id
}

/**
 * Changes the supervisor or the external accreditor from a date, keeping the history: the open
 * assignment row is closed on that date and a new one opened. Undefined when the viewer does not run
 * the enrolment's programme (programmeEnrolmentScope); a Refusal when the choice is not allowed.
 */
export async function reassign(trx: Db, viewer: Viewer, enrolmentId: number, input: ReassignInput): Promise<true | undefined> {
  const enrolment = await trx
    .selectFrom('enrolments')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
    .select(['enrolments.id', 'enrolments.programme_id', 'programmes.organisation_id', 'enrolments.trainee_id', 'enrolments.supervisor_id', 'enrolments.external_accreditor_id'])
    .where('enrolments.id', '=', enrolmentId)
    .where(programmeEnrolmentScope(viewer))
    .executeTakeFirst()
  if (!enrolment) return undefined
  if (input.userId === enrolment.trainee_id) throw new Refusal(input.kind === 'supervisor' ? NOT_OWN_SUPERVISION : NOT_OWN_ACCREDITATION, 'userId')
  const choices = input.kind === 'supervisor' ? await supervisorChoices(trx, enrolment.programme_id, enrolment.organisation_id) : await accreditorChoices(trx, enrolment.organisation_id)
  if (!choices.some((c) => c.id === input.userId)) {
    throw new Refusal(input.kind === 'supervisor' ? 'Choose a supervisor of the programme’s organisation' : 'Choose an accreditor or supervisor of the organisation', 'userId')
  }
  const current = input.kind === 'supervisor' ? enrolment.supervisor_id : enrolment.external_accreditor_id
  if (current === input.userId) throw new Refusal('They are already assigned', 'userId')
  const other = input.kind === 'supervisor' ? enrolment.external_accreditor_id : enrolment.supervisor_id
  if (other === input.userId) {
    throw new Refusal(
      input.kind === 'accreditor' ? NOT_OWN_SUPERVISOR : 'They are this trainee’s external accreditor, who cannot also be their supervisor. Change the accreditor first.',
      'userId',
    )
  }
  const open = await trx
    .selectFrom('enrolment_assignments')
    .select(['id', 'from_on'])
    .where('enrolment_id', '=', enrolmentId)
    .where('kind', '=', input.kind)
    .where('to_on', 'is', null)
    .execute()
  if (open.some((a) => a.from_on > input.fromOn)) throw new Refusal('The change cannot start before the current assignment did', 'fromOn')
  await trx
    .updateTable('enrolment_assignments')
    .set({ to_on: input.fromOn })
    .where(
      'id',
      'in',
      open.map((a) => a.id),
    )
    .execute()
  await trx
    .insertInto('enrolment_assignments')
    .values({ enrolment_id: enrolmentId, kind: input.kind, user_id: input.userId, from_on: input.fromOn, assigned_by: viewer.id, reason: input.reason })
    .execute()
  if (input.kind === 'supervisor') await joinProgrammeSupervisors(trx, enrolment.programme_id, input.userId)
  await trx
    .updateTable('enrolments')
    .set(input.kind === 'supervisor' ? { supervisor_id: input.userId } : { external_accreditor_id: input.userId })
    .where('id', '=', enrolmentId)
    .execute()
  await appendAudit(trx, {
    actorId: viewer.id,
    action: input.kind === 'supervisor' ? 'enrolment.supervisor_changed' : 'enrolment.accreditor_changed',
    entityType: 'enrolment',
    entityId: enrolmentId,
    enrolmentId,
    before: { userId: current },
    after: { userId: input.userId, fromOn: input.fromOn },
    reason: input.reason,
  })
  return true
}

/** The reassignment options and the full assignment history of an enrolment on a programme the viewer runs; undefined otherwise. */
export async function assignmentsOf(db: Db, viewer: Viewer, enrolmentId: number) {
  const enrolment = await db
    .selectFrom('enrolments')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
    .select(['enrolments.programme_id', 'programmes.organisation_id'])
    .where('enrolments.id', '=', enrolmentId)
    .where(programmeEnrolmentScope(viewer))
    .executeTakeFirst()
  if (!enrolment) return undefined
  const [history, supervisors, accreditors] = await Promise.all([
    db
      .selectFrom('enrolment_assignments')
      .innerJoin('users as person', 'person.id', 'enrolment_assignments.user_id')
      .leftJoin('users as by', 'by.id', 'enrolment_assignments.assigned_by')
      .select([
        'enrolment_assignments.id',
        'enrolment_assignments.kind',
        'enrolment_assignments.from_on',
        'enrolment_assignments.to_on',
        'enrolment_assignments.reason',
        'person.name as person_name',
        'by.name as assigned_by_name',
      ])
      .where('enrolment_assignments.enrolment_id', '=', enrolmentId)
      .orderBy('enrolment_assignments.kind', 'desc')
      .orderBy('enrolment_assignments.from_on', 'desc')
      .orderBy('enrolment_assignments.id', 'desc')
      .execute(),
    supervisorChoices(db, enrolment.programme_id, enrolment.organisation_id),
    accreditorChoices(db, enrolment.organisation_id),
  ])
  return { history, supervisors, accreditors }
}

/**
 * A programme lead unlocks a stage's records with a written reason, or locks them again. Only the
 * lock changes: the stage keeps its status, sign-off and accreditation. Undefined when the viewer does
 * not run the enrolment's programme; a Refusal when the stage is in progress or already so.
 */
export async function setStageLocked(trx: Db, viewer: Viewer, input: { enrolmentId: number; stageNumber: number; locked: boolean; reason: string }): Promise<true | undefined> {
  const stage = await trx
    .selectFrom('enrolment_stages')
    .innerJoin('enrolments', 'enrolments.id', 'enrolment_stages.enrolment_id')
    .select(['enrolment_stages.id', 'enrolment_stages.status', 'enrolment_stages.locked'])
    .where('enrolment_stages.enrolment_id', '=', input.enrolmentId)
    .where('enrolment_stages.stage_number', '=', input.stageNumber)
    .where(programmeEnrolmentScope(viewer))
    .executeTakeFirst()
  if (!stage) return undefined
  if (stage.status === 'in_progress') throw new Refusal('A stage in progress is not locked: its records can already be changed')
  if ((stage.locked === 1) === input.locked) throw new Refusal(input.locked ? 'The stage is already locked' : 'The stage is already unlocked')
  await trx
    .updateTable('enrolment_stages')
    .set({ locked: input.locked ? 1 : 0 })
    .where('id', '=', stage.id)
    .execute()
  await appendAudit(trx, {
    actorId: viewer.id,
    action: input.locked ? 'stage.relocked' : 'stage.unlocked',
    entityType: 'enrolment_stage',
    entityId: stage.id,
    enrolmentId: input.enrolmentId,
    before: { stageNumber: input.stageNumber, locked: stage.locked },
    after: { stageNumber: input.stageNumber, locked: input.locked ? 1 : 0 },
    reason: input.reason || null,
  })
  return true
}
