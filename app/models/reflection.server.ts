// Reflections: after a supervision session, a self-assessment against the principles of attuned
// interaction and guidance; at the end of a stage, the written reflection. A draft stays the
// trainee's own; submitting makes it visible to the supervisor and read-only for the trainee.
// Reached only through `ownEnrolments` (access.server.ts); a session named must be the trainee's own.
import type { ReflectionInput } from '~/schemas/reflection'
import { nowInstant } from '~/utils/dates'
import { Refusal } from '~/utils/refusal.server'
import { appendAudit } from './audit.server'
import type { Db } from './db-types'
import { stageIsWritable } from './stage-rules.server'
import { getSupervisionSession } from './supervision.server'
import { ownEnrolments } from './access.server'

export async function listActivePrinciples(db: Db) {
  return db.selectFrom('principles').select(['id', 'name', 'description']).where('active', '=', 1).orderBy('position').execute()
}

export async function getReflection(db: Db, { id, traineeId }: { id: number; traineeId: number }) {
  const reflection = await db
    .selectFrom('reflections')
    .innerJoin('enrolments', 'enrolments.id', 'reflections.enrolment_id')
    .leftJoin('supervision_sessions', 'supervision_sessions.id', 'reflections.supervision_session_id')
    .leftJoin('users as feedback_author', 'feedback_author.id', 'reflections.feedback_by')
    .selectAll('reflections')
    .select(['supervision_sessions.held_on as session_held_on', 'feedback_author.name as feedback_by_name'])
    .where('reflections.id', '=', id)
    .where(ownEnrolments(traineeId))
    .executeTakeFirst()
  if (!reflection) return undefined
  const ratings = await db
    .selectFrom('reflection_ratings')
    .innerJoin('principles', 'principles.id', 'reflection_ratings.principle_id')
    .select(['reflection_ratings.principle_id', 'reflection_ratings.rating', 'principles.name'])
    .where('reflection_ratings.reflection_id', '=', id)
    .orderBy('principles.position')
    .execute()
  return { ...reflection, ratings }
}

/** The reflection already written on a session, if any. */
export async function findSessionReflection(db: Db, { sessionId, traineeId }: { sessionId: number; traineeId: number }) {
  return db
    .selectFrom('reflections')
    .innerJoin('enrolments', 'enrolments.id', 'reflections.enrolment_id')
    .select(['reflections.id', 'reflections.status'])
    .where('reflections.supervision_session_id', '=', sessionId)
    .where(ownEnrolments(traineeId))
    .executeTakeFirst()
}

/** The stage-end written reflection of one stage, if started. */
export async function findStageEndReflection(db: Db, { enrolmentId, traineeId, stageNumber }: { enrolmentId: number; traineeId: number; stageNumber: number }) {
  return db
    .selectFrom('reflections')
    .innerJoin('enrolments', 'enrolments.id', 'reflections.enrolment_id')
    .select(['reflections.id', 'reflections.status'])
    .where('reflections.enrolment_id', '=', enrolmentId)
    .where(ownEnrolments(traineeId))
    .where('reflections.kind', '=', 'stage_end')
    .where('reflections.stage_number', '=', stageNumber)
    .executeTakeFirst()
}

/** What a new reflection is about: one of the trainee's sessions, or the end of their current stage. */
export type ReflectionSubject = { kind: 'session'; sessionId: number } | { kind: 'stage_end'; enrolmentId: number; stageNumber: number }

async function placeReflection(db: Db, traineeId: number, subject: ReflectionSubject): Promise<{ enrolmentId: number; stageNumber: number; sessionId: number | null }> {
  if (subject.kind === 'session') {
    const session = await getSupervisionSession(db, { id: subject.sessionId, traineeId })
    if (!session) throw new Refusal('Choose one of your own supervision sessions')
    if (await findSessionReflection(db, { sessionId: session.id, traineeId })) throw new Refusal('You have already written a reflection on this session')
    return { enrolmentId: session.enrolment_id, stageNumber: session.stage_number, sessionId: session.id }
  }
  if (await findStageEndReflection(db, { ...subject, traineeId })) throw new Refusal('You have already started the written reflection for this stage')
  return { enrolmentId: subject.enrolmentId, stageNumber: subject.stageNumber, sessionId: null }
}

function statusColumns(input: ReflectionInput) {
  return input.decision === 'submit' ? { status: 'submitted' as const, submitted_at: nowInstant() } : { status: 'draft' as const, submitted_at: null }
}

async function replaceRatings(db: Db, reflectionId: number, input: ReflectionInput) {
  await db.deleteFrom('reflection_ratings').where('reflection_id', '=', reflectionId).execute()
  if (input.ratings.length) {
    await db
      .insertInto('reflection_ratings')
      .values(input.ratings.map((r) => ({ reflection_id: reflectionId, principle_id: r.principleId, rating: r.rating })))
      .execute()
  }
}

export async function createReflection(
  db: Db,
  { traineeId, actorId, subject, input }: { traineeId: number; actorId: number; subject: ReflectionSubject; input: ReflectionInput },
): Promise<number> {
  const place = await placeReflection(db, traineeId, subject)
  await stageIsWritable(db, place.enrolmentId, place.stageNumber)
  const created = await db
    .insertInto('reflections')
    .values({
      enrolment_id: place.enrolmentId,
      kind: subject.kind,
      stage_number: place.stageNumber,
      supervision_session_id: place.sessionId,
      body: input.body,
      ...statusColumns(input),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await replaceRatings(db, created.id, input)
  await appendAudit(db, {
    actorId,
    action: 'reflection.created',
    entityType: 'reflection',
    entityId: created.id,
    enrolmentId: created.enrolment_id,
    after: withoutDraftText({ ...created, ratings: input.ratings }),
  })
  return created.id
}

async function editableReflection(db: Db, id: number, traineeId: number) {
  const existing = await getReflection(db, { id, traineeId })
  if (!existing) throw new Refusal('This reflection no longer exists')
  if (existing.status === 'submitted') throw new Refusal('You have submitted this reflection to your supervisor, so it is read-only')
  await stageIsWritable(db, existing.enrolment_id, existing.stage_number)
  return existing
}

/** A draft stays the trainee's own: the audit trail, which supervisors and leads read, keeps its shape, not its words. */
function withoutDraftText<T extends { status: string; body: string }>(row: T) {
  if (row.status !== 'draft') return row
  const { body, ...rest } = row
  return { ...rest, bodyLength: body.length }
}

function auditShape({ session_held_on: _h, feedback_by_name: _f, ratings, ...row }: NonNullable<Awaited<ReturnType<typeof getReflection>>>) {
  return { ...row, ratings: ratings.map((r) => ({ principleId: r.principle_id, rating: r.rating })) }
}

export async function updateReflection(db: Db, { id, traineeId, actorId, input }: { id: number; traineeId: number; actorId: number; input: ReflectionInput }): Promise<number> {
  const existing = await editableReflection(db, id, traineeId)
  const after = await db
    .updateTable('reflections')
    .set({ body: input.body, ...statusColumns(input), updated_at: nowInstant() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await replaceRatings(db, id, input)
  await appendAudit(db, {
    actorId,
    action: input.decision === 'submit' ? 'reflection.submitted' : 'reflection.updated',
    entityType: 'reflection',
    entityId: id,
    enrolmentId: after.enrolment_id,
    before: withoutDraftText(auditShape(existing)),
    after: withoutDraftText({ ...after, ratings: input.ratings }),
  })
  return id
}

export async function deleteReflection(db: Db, { id, traineeId, actorId }: { id: number; traineeId: number; actorId: number }): Promise<void> {
  const existing = await editableReflection(db, id, traineeId)
  await db.deleteFrom('reflections').where('id', '=', id).execute()
  await appendAudit(db, { actorId, action: 'reflection.deleted', entityType: 'reflection', entityId: id, enrolmentId: existing.enrolment_id, before: withoutDraftText(auditShape(existing)) })
}
