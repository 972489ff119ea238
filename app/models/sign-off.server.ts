// Sign-off and accreditation: the decisions that end a stage. Each runs inside the transaction the
// action opens, so it happens completely (status, lock, audit row, certificates) or not at all.
// - A supervisor signs off their trainee's current stage once the end-of-stage meeting has passed
//   (recorded with the sign-off when it is not yet); with a requirement unmet, only with a written
//   reason, kept on the sign-off and shown wherever it appears. Sign-off locks the stage.
// - The external accreditor, who is never the trainee's supervisor, accredits a signed-off stage
//   (completing it, moving the trainee on, issuing certificates) or returns it with reasons
//   (superseding the sign-off and unlocking the stage).
// Two people acting at once cannot both succeed: the second re-reads the stage inside its own
// transaction and is refused, and the partial unique index on live sign-offs (and the unique
// accreditation per sign-off) backs that up in the database.
import { accreditationWait } from '~/domain/accreditation-wait'
import type { RuleSet } from '~/domain/rule-set'
import { stageOf } from '~/domain/rule-set'
import { END_MEETING_LABEL, afterStage, completesOnSignOff, provisionalNextStage, readinessForSignOff } from '~/domain/stage-end'
import type { SignOffInput } from '~/schemas/sign-off'
import { formatDate, formatInstant, instantToCalendarDate, nowInstant, today } from '~/utils/dates'
import { unlessDuplicate } from '~db/portable'
import { Refusal, isUniqueViolation } from '~/utils/refusal.server'
import { appendAudit } from './audit.server'
import { issueCertificates } from './certificate.server'
import { accreditedBy, programmeEnrolmentScope, supervisedBy, type EnrolmentScope, type Viewer } from './access.server'
import type { Db } from './db-types'
import { loadReadiness } from './evidence.server'
import { loadPortfolio } from './portfolio.server'
import { addMeeting, endMeetingPassed } from './meeting.server'
import { notifyStageAccredited, notifyStageReturned, notifyStageSignedOff } from './notifications.server'
import { getRuleSet, getRuleSets } from './rule-set.server'

async function findScopedEnrolment(db: Db, scope: EnrolmentScope, enrolmentId: number) {
  return db
    .selectFrom('enrolments')
    .innerJoin('users as trainee', 'trainee.id', 'enrolments.trainee_id')
    .select(['enrolments.id', 'enrolments.rule_set_id', 'enrolments.current_stage', 'enrolments.status', 'trainee.name as trainee_name'])
    .where('enrolments.id', '=', enrolmentId)
    .where(scope)
    .executeTakeFirst()
}

async function findStage(db: Db, enrolmentId: number, stageNumber: number) {
  return db
    .selectFrom('enrolment_stages')
    .select(['id', 'status', 'locked', 'completed_on'])
    .where('enrolment_id', '=', enrolmentId)
    .where('stage_number', '=', stageNumber)
    .executeTakeFirst()
}

async function liveSignOff(db: Db, enrolmentId: number, stageNumber: number) {
  return db
    .selectFrom('sign_offs')
    .innerJoin('users', 'users.id', 'sign_offs.signed_off_by')
    .select(['sign_offs.id', 'sign_offs.signed_off_at', 'sign_offs.override_reason', 'users.name as signed_off_by_name'])
    .where('sign_offs.enrolment_id', '=', enrolmentId)
    .where('sign_offs.stage_number', '=', stageNumber)
    .where('sign_offs.superseded_at', 'is', null)
    .executeTakeFirst()
}

async function alreadySignedOff(db: Db, enrolmentId: number, stageNumber: number, stageName: string): Promise<Refusal> {
  const live = await liveSignOff(db, enrolmentId, stageNumber)
  return new Refusal(
    live
      ? `${stageName} was already signed off by ${live.signed_off_by_name} on ${formatInstant(live.signed_off_at)}. Nothing more to do.`
      : `${stageName} is no longer open for sign-off. Refresh the page to see where it stands.`,
  )
}

/**
 * Marks a stage complete and moves the trainee on: the next stage starts (or, opened provisionally at
 * sign-off, simply stops being provisional and keeps its start date), or the award is reached.
 */
async function completeStage(trx: Db, ruleSet: RuleSet, enrolmentId: number, stageNumber: number, completedOn: string) {
  const after = afterStage(ruleSet, stageNumber)
  if (after.kind === 'next') {
    const opened = await findStage(trx, enrolmentId, after.stageNumber)
    if (!opened) await trx.insertInto('enrolment_stages').values({ enrolment_id: enrolmentId, stage_number: after.stageNumber, status: 'in_progress', started_on: completedOn }).execute()
    await trx.updateTable('enrolments').set({ current_stage: after.stageNumber }).where('id', '=', enrolmentId).execute()
  } else {
    await trx.updateTable('enrolments').set({ status: 'accredited', completed_on: completedOn }).where('id', '=', enrolmentId).execute()
  }
  return after
}

export interface SignOffResult {
  signOffId: number
  stageName: string
  traineeName: string
  /** Set when the sign-off itself completed the stage (no external accreditation). */
  completed: boolean
  override: boolean
}

type SignOffRequest = { enrolmentId: number } & Omit<SignOffInput, 'confirmed'>

/**
 * Everything a sign-off checks before writing, read inside the caller's transaction: the trainee is
 * the viewer's, the stage is theirs to sign off now, the end-of-stage meeting is passed or dated.
 * Undefined when the trainee is not the viewer's; a Refusal for anything else that stands in the way.
 */
async function signOffChecks(trx: Db, viewer: Viewer, input: SignOffRequest) {
  const enrolment = await findScopedEnrolment(trx, supervisedBy(viewer), input.enrolmentId)
  if (!enrolment) return undefined
  const ruleSet = await getRuleSet(trx, enrolment.rule_set_id)
  if (!ruleSet.stages.some((s) => s.stageNumber === input.stageNumber)) throw new Refusal('There is no such stage to sign off')
  const stage = stageOf(ruleSet, input.stageNumber)
  const row = await findStage(trx, enrolment.id, stage.stageNumber)
  if (!row || enrolment.status !== 'active') throw new Refusal(`${stage.name} is not open for sign-off`)
  if (row.status !== 'in_progress' || enrolment.current_stage !== stage.stageNumber) throw await alreadySignedOff(trx, enrolment.id, stage.stageNumber, stage.name)
  if (row.locked === 1) throw new Refusal(`${stage.name} is locked; ask the programme lead`)

  const meetingPassed = await endMeetingPassed(trx, enrolment.id, stage.stageNumber)
  const meetingLabel = END_MEETING_LABEL[stage.endMeeting].toLowerCase()
  if (!meetingPassed && !input.meetingHeldOn) throw new Refusal(`Enter the date of the ${meetingLabel}`, 'meetingHeldOn')

  // Readiness is decided here, from the evidence as it stands inside this transaction.
  const { evidence } = (await loadReadiness(trx, [{ ...enrolment, current_stage: stage.stageNumber }])).get(enrolment.id)!
  const readiness = readinessForSignOff(ruleSet, stage.stageNumber, evidence, { traineeName: enrolment.trainee_name })
  return { enrolment, ruleSet, stage, row, meetingPassed, readiness }
}

/**
 * The first step of a sign-off (issue 12): every check of `signOffStage` but the override reason,
 * nothing written, so that the supervisor sees the summary before confirming. Returns the stage's
 * name and readiness; undefined when the trainee is not the viewer's; a Refusal as `signOffStage`.
 */
export async function checkSignOff(trx: Db, viewer: Viewer, input: SignOffRequest) {
  const checked = await signOffChecks(trx, viewer, input)
  return checked && { stageName: checked.stage.name, readiness: checked.readiness }
}

/**
 * Signs off the supervisor's trainee's stage, once they have confirmed the summary (the route's
 * second step). Undefined when the trainee is not theirs; a Refusal (next to `overrideReason`) when
 * a requirement is unmet and no reason is given.
 */
export async function signOffStage(trx: Db, viewer: Viewer, input: SignOffRequest, now = new Date()): Promise<SignOffResult | undefined> {
  const checked = await signOffChecks(trx, viewer, input)
  if (!checked) return undefined
  const { enrolment, ruleSet, stage, row, meetingPassed, readiness } = checked
  if (!readiness.ready && !input.overrideReason) {
    throw new Refusal(
      `Not every requirement holds (still missing: ${readiness.missing.join('; ')}). To sign off anyway, give the reason, for example prior learning recognised.`,
      'overrideReason',
    )
  }
  const overrideReason = readiness.ready ? null : input.overrideReason

  if (!meetingPassed) {
    await addMeeting(trx, viewer, {
      enrolmentId: enrolment.id,
      stageNumber: stage.stageNumber,
      kind: stage.endMeeting,
      heldOn: input.meetingHeldOn!,
      outcome: 'passed',
      notes: input.meetingNotes,
      actions: '',
    })
  }
  const inserted = await unlessDuplicate(trx, 'sign_offs', () =>
    trx
      .insertInto('sign_offs')
      .values({
        enrolment_id: enrolment.id,
        stage_number: stage.stageNumber,
        signed_off_by: viewer.id,
        signed_off_at: nowInstant(now),
        override_reason: overrideReason,
        readiness_json: JSON.stringify(readiness),
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  )
  if (!inserted) throw await alreadySignedOff(trx, enrolment.id, stage.stageNumber, stage.name)
  const signOffId = inserted.id
  const completed = completesOnSignOff(ruleSet, stage.stageNumber)
  const completedOn = today(now)
  await trx
    .updateTable('enrolment_stages')
    .set({ status: 'signed_off', locked: 1, completed_on: completed ? completedOn : null })
    .where('id', '=', row.id)
    .where('status', '=', 'in_progress')
    .execute()
  const after = completed ? await completeStage(trx, ruleSet, enrolment.id, stage.stageNumber, completedOn) : null
  // Work goes on while the stage waits for the accreditor: the next stage opens provisionally tomorrow.
  const provisional = completed ? null : provisionalNextStage(ruleSet, stage.stageNumber, completedOn)
  if (provisional) {
    await trx
      .insertInto('enrolment_stages')
      .values({ enrolment_id: enrolment.id, stage_number: provisional.stageNumber, status: 'in_progress', started_on: provisional.startsOn })
      .onConflict((oc) => oc.columns(['enrolment_id', 'stage_number']).doUpdateSet({ started_on: provisional.startsOn, status: 'in_progress', locked: 0, completed_on: null }))
      .execute()
  }
  await appendAudit(trx, {
    actorId: viewer.id,
    action: overrideReason ? 'stage.signed_off_with_requirement_unmet' : 'stage.signed_off',
    entityType: 'sign_off',
    entityId: signOffId,
    enrolmentId: enrolment.id,
    before: { stageNumber: stage.stageNumber, status: 'in_progress', locked: 0 },
    after: {
      stageNumber: stage.stageNumber,
      status: 'signed_off',
      locked: 1,
      missing: readiness.missing,
      ...(after ? { completedOn, then: after } : {}),
      ...(provisional ? { provisionalStage: provisional } : {}),
    },
    reason: overrideReason,
  })
  await notifyStageSignedOff(trx, { enrolmentId: enrolment.id, stageName: stage.name, signedOffBy: viewer.id, completed, signedOffOn: completedOn }, now)
  return { signOffId, stageName: stage.name, traineeName: enrolment.trainee_name, completed, override: overrideReason !== null }
}

/** The stage waiting for the accreditor's decision, with its live sign-off, or a Refusal saying why not. */
async function stageAwaitingDecision(trx: Db, enrolmentId: number, ruleSet: RuleSet, stageNumber: number) {
  if (!ruleSet.stages.some((s) => s.stageNumber === stageNumber)) throw new Refusal('There is no such stage to accredit')
  const stage = stageOf(ruleSet, stageNumber)
  const [row, signOff] = await Promise.all([findStage(trx, enrolmentId, stageNumber), liveSignOff(trx, enrolmentId, stageNumber)])
  if (row?.status === 'accredited') {
    const decision = await trx
      .selectFrom('accreditations')
      .innerJoin('users', 'users.id', 'accreditations.accreditor_id')
      .select(['users.name', 'accreditations.decided_at'])
      .where('accreditations.enrolment_id', '=', enrolmentId)
      .where('accreditations.stage_number', '=', stageNumber)
      .where('accreditations.decision', '=', 'accredited')
      .executeTakeFirst()
    throw new Refusal(`${stage.name} was already accredited${decision ? ` by ${decision.name} on ${formatInstant(decision.decided_at)}` : ''}.`)
  }
  if (!row || row.status !== 'signed_off' || row.completed_on !== null || !signOff) {
    throw new Refusal(`${stage.name} is not waiting for accreditation: it may have been returned to the supervisor. Refresh the page to see where it stands.`)
  }
  return { stage, row, signOff }
}

async function insertDecision(
  trx: Db,
  values: { enrolment_id: number; stage_number: number; sign_off_id: number; accreditor_id: number; decision: 'accredited' | 'returned'; decided_at: string; reasons: string },
  stageName: string,
) {
  try {
    return (await trx.insertInto('accreditations').values(values).returning('id').executeTakeFirstOrThrow()).id
  } catch (error) {
    if (isUniqueViolation(error, 'accreditations')) throw new Refusal(`${stageName} has just been decided by someone else. Refresh the page to see the decision.`)
    throw error
  }
}

/**
 * The first step of the accreditor's decision (issue 12): the checks of `accreditStage` or
 * `returnStage` (the stage still waits for a decision; an accreditation is not dated before the
 * sign-off), nothing written. Returns the stage's name; undefined when not allocated to the viewer.
 */
export async function checkStageDecision(trx: Db, viewer: Viewer, input: { enrolmentId: number; stageNumber: number; accreditedOn?: string }) {
  const enrolment = await findScopedEnrolment(trx, accreditedBy(viewer), input.enrolmentId)
  if (!enrolment) return undefined
  const ruleSet = await getRuleSet(trx, enrolment.rule_set_id)
  const { stage, signOff } = await stageAwaitingDecision(trx, enrolment.id, ruleSet, input.stageNumber)
  const signedOffOn = instantToCalendarDate(signOff.signed_off_at)
  if (input.accreditedOn !== undefined && input.accreditedOn < signedOffOn) {
    throw new Refusal(`The date of accreditation cannot be before the sign-off on ${formatDate(signedOffOn)}`, 'accreditedOn')
  }
  return { stageName: stage.name }
}

/**
 * Accredits a signed-off stage: the decision, the stage accredited (locked stays on), the trainee
 * moved on (or awarded after the final stage) and the certificates, all in the caller's transaction.
 */
export async function accreditStage(trx: Db, viewer: Viewer, input: { enrolmentId: number; stageNumber: number; accreditedOn: string }, now = new Date()) {
  const enrolment = await findScopedEnrolment(trx, accreditedBy(viewer), input.enrolmentId)
  if (!enrolment) return undefined
  const ruleSet = await getRuleSet(trx, enrolment.rule_set_id)
  const { stage, row, signOff } = await stageAwaitingDecision(trx, enrolment.id, ruleSet, input.stageNumber)
  const signedOffOn = instantToCalendarDate(signOff.signed_off_at)
  if (input.accreditedOn < signedOffOn) throw new Refusal(`The date of accreditation cannot be before the sign-off on ${formatDate(signedOffOn)}`, 'accreditedOn')
  const decidedAt = nowInstant(now)
  const accreditationId = await insertDecision(
    trx,
    { enrolment_id: enrolment.id, stage_number: stage.stageNumber, sign_off_id: signOff.id, accreditor_id: viewer.id, decision: 'accredited', decided_at: decidedAt, reasons: '' },
    stage.name,
  )
  await trx.updateTable('enrolment_stages').set({ status: 'accredited', completed_on: input.accreditedOn, locked: 1 }).where('id', '=', row.id).execute()
  const after = await completeStage(trx, ruleSet, enrolment.id, stage.stageNumber, input.accreditedOn)
  const certificates = await issueCertificates(trx, {
    enrolmentId: enrolment.id,
    accreditationId,
    stageNumber: stage.stageNumber,
    accreditedOn: input.accreditedOn,
    issuedAt: decidedAt,
  })
  await appendAudit(trx, {
    actorId: viewer.id,
    action: 'stage.accredited',
    entityType: 'accreditation',
    entityId: accreditationId,
    enrolmentId: enrolment.id,
    before: { stageNumber: stage.stageNumber, status: 'signed_off' },
    after: { stageNumber: stage.stageNumber, status: 'accredited', accreditedOn: input.accreditedOn, then: after, certificates: certificates.map((c) => c.number) },
  })
  await notifyStageAccredited(trx, { enrolmentId: enrolment.id, stageName: stage.name, accreditedOn: input.accreditedOn, certificateNumbers: certificates.map((c) => c.number) }, now)
  return { accreditationId, stageName: stage.name, traineeName: enrolment.trainee_name, after, certificates }
}

/** Returns a signed-off stage to the supervisor and trainee with reasons: the stage reopens. */
export async function returnStage(trx: Db, viewer: Viewer, input: { enrolmentId: number; stageNumber: number; reasons: string }, now = new Date()) {
  const enrolment = await findScopedEnrolment(trx, accreditedBy(viewer), input.enrolmentId)
  if (!enrolment) return undefined
  const ruleSet = await getRuleSet(trx, enrolment.rule_set_id)
  const { stage, row, signOff } = await stageAwaitingDecision(trx, enrolment.id, ruleSet, input.stageNumber)
  const decidedAt = nowInstant(now)
  const accreditationId = await insertDecision(
    trx,
    { enrolment_id: enrolment.id, stage_number: stage.stageNumber, sign_off_id: signOff.id, accreditor_id: viewer.id, decision: 'returned', decided_at: decidedAt, reasons: input.reasons },
    stage.name,
  )
  await trx.updateTable('sign_offs').set({ superseded_at: decidedAt }).where('id', '=', signOff.id).execute()
  await trx.updateTable('enrolment_stages').set({ status: 'in_progress', locked: 0 }).where('id', '=', row.id).execute()
  const provisionalWork = await withdrawProvisionalStage(trx, ruleSet, enrolment.id, stage.stageNumber)
  await appendAudit(trx, {
    actorId: viewer.id,
    action: 'stage.returned',
    entityType: 'accreditation',
    entityId: accreditationId,
    enrolmentId: enrolment.id,
    before: { stageNumber: stage.stageNumber, status: 'signed_off', locked: 1 },
    after: { stageNumber: stage.stageNumber, status: 'in_progress', locked: 0, ...(provisionalWork ? { provisionalWorkMoved: provisionalWork } : {}) },
    reason: input.reasons,
  })
  await notifyStageReturned(trx, { enrolmentId: enrolment.id, stageName: stage.name, returnedBy: viewer.id, reasons: input.reasons }, now)
  return { accreditationId, stageName: stage.name, traineeName: enrolment.trainee_name, provisionalWork }
}

/**
 * A returned stage never ended, so the stage opened provisionally at its sign-off closes again and
 * the work logged in it (cycles, supervision sessions and the reflections on those sessions) counts
 * towards the returned stage, where it can meet what the accreditor asked for (ADR 0016). Meetings
 * and a stage-end reflection of the next stage keep their stage and count when it opens again at the
 * next sign-off. Returns how many records moved, or null when no stage was open provisionally.
 */
async function withdrawProvisionalStage(trx: Db, ruleSet: RuleSet, enrolmentId: number, stageNumber: number) {
  const after = afterStage(ruleSet, stageNumber)
  if (after.kind !== 'next') return null
  const provisional = await findStage(trx, enrolmentId, after.stageNumber)
  if (!provisional || provisional.status !== 'in_progress') return null
  const cycles = await trx.updateTable('cycles').set({ stage_number: stageNumber }).where('enrolment_id', '=', enrolmentId).where('stage_number', '=', after.stageNumber).executeTakeFirst()
  const sessions = await trx
    .updateTable('supervision_sessions')
    .set({ stage_number: stageNumber })
    .where('enrolment_id', '=', enrolmentId)
    .where('stage_number', '=', after.stageNumber)
    .executeTakeFirst()
  await trx
    .updateTable('reflections')
    .set({ stage_number: stageNumber })
    .where('enrolment_id', '=', enrolmentId)
    .where('stage_number', '=', after.stageNumber)
    .where('kind', '=', 'session')
    .execute()
  await trx.deleteFrom('enrolment_stages').where('id', '=', provisional.id).execute()
  return { stageNumber: after.stageNumber, cycles: Number(cycles.numUpdatedRows), sessions: Number(sessions.numUpdatedRows) }
}

// ---- Reading: stage histories and the accreditor's queue ------------------------------------

/**
 * Every stage of an enrolment within `scope`: its status and lock, its live sign-off (with any
 * override reason) and the latest accreditation decision. Empty when out of scope.
 */
export async function stageHistory(db: Db, scope: EnrolmentScope, enrolmentId: number) {
  const stages = await db
    .selectFrom('enrolment_stages')
    .innerJoin('enrolments', 'enrolments.id', 'enrolment_stages.enrolment_id')
    .innerJoin('rule_set_stages', (join) =>
      join.onRef('rule_set_stages.rule_set_id', '=', 'enrolments.rule_set_id').onRef('rule_set_stages.stage_number', '=', 'enrolment_stages.stage_number'),
    )
    .leftJoin('sign_offs', (join) =>
      join
        .onRef('sign_offs.enrolment_id', '=', 'enrolment_stages.enrolment_id')
        .onRef('sign_offs.stage_number', '=', 'enrolment_stages.stage_number')
        .on('sign_offs.superseded_at', 'is', null),
    )
    .leftJoin('users as signer', 'signer.id', 'sign_offs.signed_off_by')
    .select([
      'enrolment_stages.stage_number',
      'enrolment_stages.status',
      'enrolment_stages.started_on',
      'enrolment_stages.completed_on',
      'enrolment_stages.locked',
      'enrolment_stages.recognised_reason',
      'rule_set_stages.name',
      'rule_set_stages.requires_external_accreditation',
      'sign_offs.signed_off_at',
      'sign_offs.override_reason',
      'signer.name as signed_off_by_name',
    ])
    .where('enrolment_stages.enrolment_id', '=', enrolmentId)
    .where(scope)
    .orderBy('enrolment_stages.stage_number')
    .execute()
  if (stages.length === 0) return []
  const decisions = await db
    .selectFrom('accreditations')
    .innerJoin('users', 'users.id', 'accreditations.accreditor_id')
    .select(['accreditations.stage_number', 'accreditations.decision', 'accreditations.decided_at', 'accreditations.reasons', 'users.name as accreditor_name'])
    .where('accreditations.enrolment_id', '=', enrolmentId)
    .orderBy('accreditations.decided_at', 'desc')
    .orderBy('accreditations.id', 'desc')
    .execute()
  return stages.map((s) => ({ ...s, latestDecision: decisions.find((d) => d.stage_number === s.stage_number) ?? null }))
}

/**
 * The stages waiting for an external accreditor's decision: signed off (a live sign-off) and not yet
 * completed, joined to their enrolment, trainee, stage name and sign-off. The one query behind the
 * accreditor's queue, the lead's programme page and the reminder e-mails; each caller adds its
 * scope, further joins, columns and order.
 */
export function awaitingAccreditationQuery(db: Db) {
  return db
    .selectFrom('enrolment_stages')
    .innerJoin('enrolments', 'enrolments.id', 'enrolment_stages.enrolment_id')
    .innerJoin('users as trainee', 'trainee.id', 'enrolments.trainee_id')
    .innerJoin('rule_set_stages', (join) =>
      join.onRef('rule_set_stages.rule_set_id', '=', 'enrolments.rule_set_id').onRef('rule_set_stages.stage_number', '=', 'enrolment_stages.stage_number'),
    )
    .innerJoin('sign_offs', (join) =>
      join
        .onRef('sign_offs.enrolment_id', '=', 'enrolment_stages.enrolment_id')
        .onRef('sign_offs.stage_number', '=', 'enrolment_stages.stage_number')
        .on('sign_offs.superseded_at', 'is', null),
    )
    .where('enrolment_stages.status', '=', 'signed_off')
    .where('enrolment_stages.completed_on', 'is', null)
}

/** Each waiting row with its wait in days and whether that is overdue by its rule set's `waitingDays` (app/domain/accreditation-wait.ts). */
async function withWait<T extends { rule_set_id: number; signed_off_at: string }>(db: Db, rows: T[], today: string) {
  const ruleSets = await getRuleSets(db, [...new Set(rows.map((r) => r.rule_set_id))])
  return rows.map((r) => {
    const waitingDays = ruleSets.get(r.rule_set_id)!.thresholds.waitingDays
    return { ...r, waitingDays, ...accreditationWait(instantToCalendarDate(r.signed_off_at), today, waitingDays) }
  })
}

/**
 * Stages waiting for `viewer`'s accreditation, the longest waiting first, each with `daysWaiting`
 * (calendar days since sign-off, up to `today`) and `overdue` (longer than the rule set's `waitingDays`).
 */
export async function listAwaitingAccreditation(db: Db, viewer: Viewer, today: string) {
  const rows = await awaitingAccreditationQuery(db)
    .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
    .innerJoin('users as signer', 'signer.id', 'sign_offs.signed_off_by')
    .select([
      'enrolments.id as enrolment_id',
      'enrolments.rule_set_id',
      'trainee.name as trainee_name',
      'programmes.name as programme_name',
      'enrolment_stages.stage_number',
      'rule_set_stages.name as stage_name',
      'sign_offs.signed_off_at',
      'sign_offs.override_reason',
      'signer.name as signed_off_by_name',
    ])
    .where(accreditedBy(viewer))
    .orderBy('sign_offs.signed_off_at')
    .execute()
  return withWait(db, rows, today)
}

/**
 * Stages on one programme waiting for accreditation, the longest waiting first, for its lead (or an
 * admin): who waits, for which accreditor, how many days and whether overdue (as listAwaitingAccreditation).
 * Empty when the programme is not the viewer's.
 */
export async function listProgrammeAwaitingAccreditation(db: Db, viewer: Viewer, programmeId: number, today: string) {
  const rows = await awaitingAccreditationQuery(db)
    .leftJoin('users as accreditor', 'accreditor.id', 'enrolments.external_accreditor_id')
    .select([
      'enrolments.id as enrolment_id',
      'enrolments.rule_set_id',
      'trainee.name as trainee_name',
      'rule_set_stages.name as stage_name',
      'sign_offs.signed_off_at',
      'accreditor.name as accreditor_name',
    ])
    .where('enrolments.programme_id', '=', programmeId)
    .where(programmeEnrolmentScope(viewer))
    .orderBy('sign_offs.signed_off_at')
    .execute()
  return withWait(db, rows, today)
}

/** Everyone allocated to `viewer` as external accreditor. */
export async function listAccreditorTrainees(db: Db, viewer: Viewer) {
  return db
    .selectFrom('enrolments')
    .innerJoin('users as trainee', 'trainee.id', 'enrolments.trainee_id')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
    .innerJoin('rule_set_stages', (join) => join.onRef('rule_set_stages.rule_set_id', '=', 'enrolments.rule_set_id').onRef('rule_set_stages.stage_number', '=', 'enrolments.current_stage'))
    .leftJoin('users as supervisor', 'supervisor.id', 'enrolments.supervisor_id')
    .select([
      'enrolments.id',
      'enrolments.status',
      'trainee.name as trainee_name',
      'programmes.name as programme_name',
      'rule_set_stages.name as stage_name',
      'supervisor.name as supervisor_name',
    ])
    .where(accreditedBy(viewer))
    .orderBy('trainee.name')
    .execute()
}

/**
 * What the accreditor reads before deciding: the enrolment, its stage history, the stage awaiting
 * accreditation (if any) with its sign-off, the evidence judged now, the end-of-stage meeting and
 * the written reflection in full, and `pack`: the portfolio's record of that stage (or, with none
 * waiting, of the current stage) for the evidence pack. Read through loadPortfolio, so the pack and
 * the portfolio PDF show the same evidence. Undefined when the enrolment is not allocated to `viewer`.
 */
export async function findAccreditationCase(db: Db, viewer: Viewer, enrolmentId: number) {
  const enrolment = await db
    .selectFrom('enrolments')
    .innerJoin('users as trainee', 'trainee.id', 'enrolments.trainee_id')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
    .leftJoin('users as supervisor', 'supervisor.id', 'enrolments.supervisor_id')
    .select([
      'enrolments.id',
      'enrolments.rule_set_id',
      'enrolments.current_stage',
      'enrolments.status',
      'enrolments.completed_on',
      'trainee.name as trainee_name',
      'programmes.name as programme_name',
      'supervisor.name as supervisor_name',
    ])
    .where('enrolments.id', '=', enrolmentId)
    .where(accreditedBy(viewer))
    .executeTakeFirst()
  if (!enrolment) return undefined
  const [stages, portfolio] = await Promise.all([
    stageHistory(db, accreditedBy(viewer), enrolmentId),
    loadPortfolio(db, viewer, enrolmentId, accreditedBy(viewer), { traineeName: enrolment.trainee_name }),
  ])
  if (!portfolio) return undefined
  const waiting = stages.find((s) => s.status === 'signed_off' && s.completed_on === null) ?? null
  const packStage = waiting?.stage_number ?? enrolment.current_stage
  const pack = portfolio.stages.find((s) => s.stageNumber === packStage) ?? null
  if (!waiting || !pack) return { enrolment, stages, pack, waiting: null }
  const endMeetings = pack.meetings.filter((m) => m.kind !== 'introduction')
  return {
    enrolment,
    stages,
    pack,
    waiting: { ...waiting, readiness: pack.readiness, meeting: endMeetings.at(-1) ?? null, reflection: pack.writtenReflection },
  }
}
