// A supervisor's decisions on what their trainee logged: confirming or returning supervision
// sessions, and feedback on reflections. Only the trainee's current supervisor reaches these rows
// (access.server.ts `supervisedBy` in the WHERE), only while the stage's records are unlocked (the one
// locking rule, enrolment.server.ts `stageLock`), and every decision is audited.
import type { RecordsQuery } from '~/schemas/records-filter'
import { addDays, nowInstant } from '~/utils/dates'
import { Refusal } from '~/utils/refusal.server'
import { appendAudit } from './audit.server'
import { supervisedBy, type Viewer } from './access.server'
import type { Db } from './db-types'
import { stageIsWritable, stageOpenForFeedback } from './stage-rules.server'
import { notifyReflectionFeedback, notifySessionDecided } from './notifications.server'

export async function listSessionsToConfirm(db: Db, viewer: Viewer, enrolmentId: number) {
  return db
    .selectFrom('supervision_sessions')
    .innerJoin('enrolments', 'enrolments.id', 'supervision_sessions.enrolment_id')
    .select([
      'supervision_sessions.id',
      'supervision_sessions.held_on',
      'supervision_sessions.minutes',
      'supervision_sessions.format',
      'supervision_sessions.stage_number',
      'supervision_sessions.notes',
      'supervision_sessions.kind',
    ])
    .where('supervision_sessions.enrolment_id', '=', enrolmentId)
    .where(supervisedBy(viewer))
    .where('supervision_sessions.status', '=', 'pending')
    .orderBy('supervision_sessions.held_on')
    .execute()
}

export type SessionDecision = { decision: 'confirmed' } | { decision: 'returned'; comment: string }

/** Confirms or returns a pending session. Undefined when it is not the viewer's to decide. */
export async function decideSession(trx: Db, viewer: Viewer, input: { enrolmentId: number; sessionId: number } & SessionDecision, now = new Date()) {
  const session = await trx
    .selectFrom('supervision_sessions')
    .innerJoin('enrolments', 'enrolments.id', 'supervision_sessions.enrolment_id')
    .select(['supervision_sessions.id', 'supervision_sessions.status', 'supervision_sessions.stage_number', 'supervision_sessions.held_on', 'supervision_sessions.minutes'])
    .where('supervision_sessions.id', '=', input.sessionId)
    .where('supervision_sessions.enrolment_id', '=', input.enrolmentId)
    .where(supervisedBy(viewer))
    .executeTakeFirst()
  if (!session) return undefined
  if (session.status !== 'pending') throw new Refusal(`This session was already ${session.status}. Refresh the page to see where things stand.`)
  await stageIsWritable(trx, input.enrolmentId, session.stage_number)
  const decidedAt = nowInstant(now)
  const comment = input.decision === 'returned' ? input.comment : null
  await trx
    .updateTable('supervision_sessions')
    .set({ status: input.decision, decided_by: viewer.id, decided_at: decidedAt, return_comment: comment, updated_at: decidedAt })
    .where('id', '=', session.id)
    .where('status', '=', 'pending')
    .execute()
  await appendAudit(trx, {
    actorId: viewer.id,
    action: input.decision === 'confirmed' ? 'supervision.confirmed' : 'supervision.returned',
    entityType: 'supervision_session',
    entityId: session.id,
    enrolmentId: input.enrolmentId,
    before: { status: 'pending', heldOn: session.held_on, minutes: session.minutes },
    after: { status: input.decision },
    reason: comment,
  })
  await notifySessionDecided(trx, { enrolmentId: input.enrolmentId, sessionId: session.id, heldOn: session.held_on, decidedBy: viewer.id, decision: input.decision, comment }, now)
  return true
}

/**
 * Confirms several pending sessions at once (issue 12), in the caller's transaction: every id must be
 * a session of this enrolment that the viewer supervises (checked in the WHERE before anything is
 * written), else undefined (a 404) and nothing changes; a session already decided or in a locked
 * stage is a Refusal that rolls every confirmation back. Returns how many were confirmed.
 */
export async function confirmSessions(trx: Db, viewer: Viewer, input: { enrolmentId: number; sessionIds: number[] }, now = new Date()): Promise<number | undefined> {
  const ids = [...new Set(input.sessionIds)]
  if (ids.length === 0) return 0
  const reachable = await trx
    .selectFrom('supervision_sessions')
    .innerJoin('enrolments', 'enrolments.id', 'supervision_sessions.enrolment_id')
    .select('supervision_sessions.id')
    .where('supervision_sessions.id', 'in', ids)
    .where('supervision_sessions.enrolment_id', '=', input.enrolmentId)
    .where(supervisedBy(viewer))
    .execute()
  if (reachable.length !== ids.length) return undefined
  for (const sessionId of ids) await decideSession(trx, viewer, { enrolmentId: input.enrolmentId, sessionId, decision: 'confirmed' }, now)
  return ids.length
}

/**
 * Submitted reflections, unread first, then newest first, with their principle ratings and any
 * feedback given; narrowed by the supervisor's records filter when one is given (submitted between
 * `from` and `to`, calendar dates inclusive; 'waiting' = no feedback yet, 'done' = feedback given;
 * a client code or 'returned' matches none).
 */
export async function listReflectionsToRead(db: Db, viewer: Viewer, enrolmentId: number, query?: RecordsQuery) {
  if (query?.client || query?.status === 'returned') return []
  let selected = db
    .selectFrom('reflections')
    .innerJoin('enrolments', 'enrolments.id', 'reflections.enrolment_id')
    .leftJoin('users as by', 'by.id', 'reflections.feedback_by')
    .select([
      'reflections.id',
      'reflections.kind',
      'reflections.stage_number',
      'reflections.body',
      'reflections.submitted_at',
      'reflections.feedback',
      'reflections.feedback_at',
      'by.name as feedback_by_name',
    ])
    .where('reflections.enrolment_id', '=', enrolmentId)
    .where(supervisedBy(viewer))
    .where('reflections.status', '=', 'submitted')
  if (query?.from) selected = selected.where('reflections.submitted_at', '>=', query.from)
  if (query?.to) selected = selected.where('reflections.submitted_at', '<', addDays(query.to, 1))
  if (query?.status === 'waiting') selected = selected.where('reflections.feedback', 'is', null)
  if (query?.status === 'done') selected = selected.where('reflections.feedback', 'is not', null)
  const reflections = await selected
    .orderBy((eb) => eb.case().when('reflections.feedback', 'is', null).then(0).else(1).end())
    .orderBy('reflections.submitted_at', 'desc')
    .execute()
  const ratings = reflections.length
    ? await db
        .selectFrom('reflection_ratings')
        .innerJoin('principles', 'principles.id', 'reflection_ratings.principle_id')
        .select(['reflection_ratings.reflection_id', 'principles.name', 'reflection_ratings.rating', 'reflection_ratings.comment'])
        .where(
          'reflection_ratings.reflection_id',
          'in',
          reflections.map((r) => r.id),
        )
        .orderBy('principles.position')
        .execute()
    : []
  return reflections.map((r) => ({ ...r, ratings: ratings.filter((x) => x.reflection_id === r.id) }))
}

/** Feedback on a submitted reflection (replacing earlier feedback). Undefined when not the viewer's. */
export async function giveReflectionFeedback(trx: Db, viewer: Viewer, input: { enrolmentId: number; reflectionId: number; feedback: string }, now = new Date()) {
  const reflection = await trx
    .selectFrom('reflections')
    .innerJoin('enrolments', 'enrolments.id', 'reflections.enrolment_id')
    .select(['reflections.id', 'reflections.stage_number', 'reflections.feedback'])
    .where('reflections.id', '=', input.reflectionId)
    .where('reflections.enrolment_id', '=', input.enrolmentId)
    .where('reflections.status', '=', 'submitted')
    .where(supervisedBy(viewer))
    .executeTakeFirst()
  if (!reflection) return undefined
  await stageOpenForFeedback(trx, input.enrolmentId, reflection.stage_number)
  const at = nowInstant(now)
  await trx.updateTable('reflections').set({ feedback: input.feedback, feedback_by: viewer.id, feedback_at: at, updated_at: at }).where('id', '=', reflection.id).execute()
  await appendAudit(trx, {
    actorId: viewer.id,
    action: 'reflection.feedback_given',
    entityType: 'reflection',
    entityId: reflection.id,
    enrolmentId: input.enrolmentId,
    before: { feedback: reflection.feedback },
    after: { feedback: input.feedback },
  })
  await notifyReflectionFeedback(trx, { enrolmentId: input.enrolmentId, reflectionId: reflection.id, givenBy: viewer.id }, now)
  return true
}
