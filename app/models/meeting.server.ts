// Stage meetings a supervisor records: the introduction session that opens Stages 2 and 3, and the
// end-of-stage meeting (course completion, transition, mid-point or accreditation meeting) whose
// "passed" outcome a sign-off needs. Recorded for the trainee's current stage while it is unlocked.
import type { MeetingKind } from '~db/schema'
import { stageOf } from '~/domain/rule-set'
import type { EndMeetingInput } from '~/schemas/meeting'
import { Refusal } from '~/utils/refusal.server'
import { appendAudit } from './audit.server'
import { enrolmentScope, supervisedBy, type Viewer } from './access.server'
import type { Db } from './db-types'
import { stageIsWritable } from './stage-rules.server'
import { getRuleSet } from './rule-set.server'

export async function listMeetings(db: Db, viewer: Viewer, enrolmentId: number) {
  return db
    .selectFrom('stage_meetings')
    .innerJoin('enrolments', 'enrolments.id', 'stage_meetings.enrolment_id')
    .innerJoin('users as recorder', 'recorder.id', 'stage_meetings.recorded_by')
    .select([
      'stage_meetings.id',
      'stage_meetings.stage_number',
      'stage_meetings.kind',
      'stage_meetings.held_on',
      'stage_meetings.outcome',
      'stage_meetings.notes',
      'stage_meetings.actions',
      'recorder.name as recorded_by_name',
    ])
    .where('stage_meetings.enrolment_id', '=', enrolmentId)
    .where(enrolmentScope(viewer))
    .orderBy('stage_meetings.held_on', 'desc')
    .orderBy('stage_meetings.id', 'desc')
    .execute()
}

/** Whether the latest end-of-stage meeting recorded for the stage passed. */
export async function endMeetingPassed(db: Db, enrolmentId: number, stageNumber: number): Promise<boolean> {
  const latest = await db
    .selectFrom('stage_meetings')
    .select('outcome')
    .where('enrolment_id', '=', enrolmentId)
    .where('stage_number', '=', stageNumber)
    .where('kind', '!=', 'introduction')
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return latest?.outcome === 'passed'
}

export interface MeetingRecord {
  enrolmentId: number
  stageNumber: number
  kind: MeetingKind
  heldOn: string
  outcome: 'held' | 'passed' | 'not_yet'
  notes: string
  actions: string
}

/** Inserts and audits a meeting; callers have checked who may record it and that the stage is open. */
export async function addMeeting(trx: Db, viewer: Viewer, meeting: MeetingRecord): Promise<number> {
  const { id } = await trx
    .insertInto('stage_meetings')
    .values({
      enrolment_id: meeting.enrolmentId,
      stage_number: meeting.stageNumber,
      kind: meeting.kind,
      held_on: meeting.heldOn,
      outcome: meeting.outcome,
      notes: meeting.notes,
      actions: meeting.actions,
      recorded_by: viewer.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await appendAudit(trx, {
    actorId: viewer.id,
    action: 'meeting.recorded',
    entityType: 'stage_meeting',
    entityId: id,
    enrolmentId: meeting.enrolmentId,
    after: { stageNumber: meeting.stageNumber, kind: meeting.kind, heldOn: meeting.heldOn, outcome: meeting.outcome, actions: meeting.actions || undefined },
  })
  return id
}

export type MeetingInput = { kind: 'introduction'; heldOn: string; notes: string } | ({ kind: 'end' } & EndMeetingInput)

/**
 * The supervisor records a meeting of the trainee's current stage. Undefined when the trainee is not
 * theirs; a Refusal when the stage has no such meeting or its records are locked.
 */
export async function recordMeeting(trx: Db, viewer: Viewer, enrolmentId: number, input: MeetingInput): Promise<number | undefined> {
  const enrolment = await trx
    .selectFrom('enrolments')
    .select(['enrolments.id', 'enrolments.rule_set_id', 'enrolments.current_stage'])
    .where('enrolments.id', '=', enrolmentId)
    .where(supervisedBy(viewer))
    .executeTakeFirst()
  if (!enrolment) return undefined
  const stage = stageOf(await getRuleSet(trx, enrolment.rule_set_id), enrolment.current_stage)
  await stageIsWritable(trx, enrolmentId, stage.stageNumber)
  if (input.kind === 'introduction' && !stage.requiresIntroductionSession) throw new Refusal(`${stage.name} has no introduction session`)
  return addMeeting(trx, viewer, {
    enrolmentId,
    stageNumber: stage.stageNumber,
    kind: input.kind === 'introduction' ? 'introduction' : stage.endMeeting,
    heldOn: input.heldOn,
    outcome: input.kind === 'introduction' ? 'held' : input.outcome,
    notes: input.notes,
    actions: input.kind === 'introduction' ? '' : input.outcome === 'passed' ? '' : input.actions,
  })
}
