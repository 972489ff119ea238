// Supervision sessions as the trainee logs them. A new session is pending until the supervisor
// confirms it (their side is the oversight feature); a confirmed session is read-only for the
// trainee, and changing a returned session sends it back to pending. Every query reaches sessions
// through `ownEnrolments` (access.server.ts), and the clients and supervisor named must be the trainee's own.
import { sessionConsentProblem } from '~/domain/consent'
import type { SupervisionSessionInput } from '~/schemas/supervision-session'
import { formatInstant, nowInstant } from '~/utils/dates'
import { Refusal } from '~/utils/refusal.server'
import { appendAudit } from './audit.server'
import { consentOf } from './client.server'
import type { Db } from './db-types'
import { stageIsWritable, writableStageOn } from './stage-rules.server'
import { ownClients, ownEnrolments } from './access.server'

export async function getSupervisionSession(db: Db, { id, traineeId }: { id: number; traineeId: number }) {
  const session = await db
    .selectFrom('supervision_sessions')
    .innerJoin('enrolments', 'enrolments.id', 'supervision_sessions.enrolment_id')
    .innerJoin('users as supervisor', 'supervisor.id', 'supervision_sessions.supervisor_id')
    .selectAll('supervision_sessions')
    .select('supervisor.name as supervisor_name')
    .where('supervision_sessions.id', '=', id)
    .where(ownEnrolments(traineeId))
    .executeTakeFirst()
  if (!session) return undefined
  const clients = await db
    .selectFrom('supervision_session_clients')
    .innerJoin('clients', 'clients.id', 'supervision_session_clients.client_id')
    .select(['clients.id', 'clients.code'])
    .where('supervision_session_clients.session_id', '=', id)
    .where(ownClients(traineeId))
    .orderBy('clients.code')
    .execute()
  return { ...session, clients }
}

/** The trainee's current supervisor first, then anyone who has supervised this enrolment. */
export async function listSupervisorChoices(db: Db, { enrolmentId, traineeId }: { enrolmentId: number; traineeId: number }) {
  return db
    .selectFrom('users')
    .innerJoin('enrolments', (join) => join.on('enrolments.id', '=', enrolmentId).on('enrolments.trainee_id', '=', traineeId))
    .select(['users.id', 'users.name'])
    .select((eb) => eb('users.id', '=', eb.ref('enrolments.supervisor_id')).as('current'))
    .where((eb) =>
      eb.or([
        eb('users.id', '=', eb.ref('enrolments.supervisor_id')),
        eb(
          'users.id',
          'in',
          eb
            .selectFrom('enrolment_assignments')
            .select('enrolment_assignments.user_id')
            .where('enrolment_assignments.enrolment_id', '=', enrolmentId)
            .where('enrolment_assignments.kind', '=', 'supervisor'),
        ),
      ]),
    )
    .orderBy((eb) => eb.case().when('users.id', '=', eb.ref('enrolments.supervisor_id')).then(0).else(1).end())
    .orderBy('users.name')
    .execute()
}

interface SessionWrite {
  traineeId: number
  actorId: number
  input: SupervisionSessionInput
}

async function checkSession(db: Db, enrolmentId: number, { traineeId, input }: SessionWrite): Promise<number> {
  const supervisors = await listSupervisorChoices(db, { enrolmentId, traineeId })
  if (!supervisors.some((s) => s.id === input.supervisor_id)) throw new Refusal('Choose your supervisor from the list', 'supervisor_id')
  const ids = [...new Set(input.client_ids)]
  const clients = ids.length ? await db.selectFrom('clients').selectAll().where('id', 'in', ids).where(ownClients(traineeId)).orderBy('code').execute() : []
  if (clients.length !== ids.length) throw new Refusal('Choose only your own clients', 'client_ids')
  for (const client of clients) {
    const problem = sessionConsentProblem(client.code, consentOf(client), input.held_on, input.format)
    if (problem) throw new Refusal(problem, 'client_ids')
  }
  const stageNumber = await writableStageOn(db, enrolmentId, input.held_on, 'A session', 'held_on')
  if (input.kind === 'training' && (await trainingAllowance(db, enrolmentId, stageNumber)) === 0) {
    throw new Refusal('Training does not count in place of supervision in this stage of your rule set. Log it as supervision only if it was supervision', 'kind')
  }
  return stageNumber
}

/**
 * Minutes of stage `stageNumber`'s supervision that training logged in place of supervision may meet
 * under the enrolment's rule set (rule_set_stages.supervision_by_training_minutes, ADR 0017); 0 when
 * the stage allows none. The caller has reached the enrolment through its access scope.
 */
export async function trainingAllowance(db: Db, enrolmentId: number, stageNumber: number): Promise<number> {
  const row = await db
    .selectFrom('enrolments')
    .innerJoin('rule_set_stages', 'rule_set_stages.rule_set_id', 'enrolments.rule_set_id')
    .select('rule_set_stages.supervision_by_training_minutes')
    .where('enrolments.id', '=', enrolmentId)
    .where('rule_set_stages.stage_number', '=', stageNumber)
    .executeTakeFirst()
  return row?.supervision_by_training_minutes ?? 0
}

function columns(input: SupervisionSessionInput, stageNumber: number) {
  return {
    supervisor_id: input.supervisor_id,
    held_on: input.held_on,
    minutes: input.minutes,
    format: input.format,
    stage_number: stageNumber,
    notes: input.notes,
    kind: input.kind,
  }
}

async function replaceClients(db: Db, sessionId: number, clientIds: number[]) {
  await db.deleteFrom('supervision_session_clients').where('session_id', '=', sessionId).execute()
  const ids = [...new Set(clientIds)]
  if (ids.length)
    await db
      .insertInto('supervision_session_clients')
      .values(ids.map((client_id) => ({ session_id: sessionId, client_id })))
      .execute()
}

export async function createSupervisionSession(db: Db, write: SessionWrite & { enrolmentId: number }): Promise<number> {
  const stage = await checkSession(db, write.enrolmentId, write)
  const created = await db
    .insertInto('supervision_sessions')
    .values({ enrolment_id: write.enrolmentId, ...columns(write.input, stage), status: 'pending' })
    .returningAll()
    .executeTakeFirstOrThrow()
  await replaceClients(db, created.id, write.input.client_ids)
  await appendAudit(db, {
    actorId: write.actorId,
    action: 'supervision_session.created',
    entityType: 'supervision_session',
    entityId: created.id,
    enrolmentId: write.enrolmentId,
    after: { ...created, client_ids: write.input.client_ids },
  })
  return created.id
}

function confirmedRefusal(decidedAt: string | null) {
  return new Refusal(`Your supervisor confirmed this session${decidedAt ? ` on ${formatInstant(decidedAt)}` : ''}, so it is read-only. Ask them if something needs correcting`)
}

export async function updateSupervisionSession(db: Db, write: SessionWrite & { id: number }): Promise<number> {
  const existing = await getSupervisionSession(db, { id: write.id, traineeId: write.traineeId })
  if (!existing) throw new Refusal('This session no longer exists')
  if (existing.status === 'confirmed') throw confirmedRefusal(existing.decided_at)
  await stageIsWritable(db, existing.enrolment_id, existing.stage_number)
  const stage = await checkSession(db, existing.enrolment_id, write)
  // A returned session goes back to the supervisor: pending again, the return comment kept for reference.
  const after = await db
    .updateTable('supervision_sessions')
    .set({ ...columns(write.input, stage), status: 'pending', decided_by: null, decided_at: null, updated_at: nowInstant() })
    .where('id', '=', existing.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await replaceClients(db, existing.id, write.input.client_ids)
  const { supervisor_name: _name, clients, ...before } = existing
  await appendAudit(db, {
    actorId: write.actorId,
    action: 'supervision_session.updated',
    entityType: 'supervision_session',
    entityId: existing.id,
    enrolmentId: existing.enrolment_id,
    before: { ...before, client_ids: clients.map((c) => c.id) },
    after: { ...after, client_ids: write.input.client_ids },
  })
  return existing.id
}

/** Deletes a session not yet confirmed, with any draft reflection on it; a submitted reflection keeps it. */
export async function deleteSupervisionSession(db: Db, { id, traineeId, actorId }: { id: number; traineeId: number; actorId: number }): Promise<void> {
  const existing = await getSupervisionSession(db, { id, traineeId })
  if (!existing) throw new Refusal('This session no longer exists')
  if (existing.status === 'confirmed') throw confirmedRefusal(existing.decided_at)
  await stageIsWritable(db, existing.enrolment_id, existing.stage_number)
  const reflections = await db.selectFrom('reflections').selectAll().where('supervision_session_id', '=', existing.id).execute()
  if (reflections.some((r) => r.status === 'submitted')) {
    throw new Refusal('You have submitted a reflection on this session, so your supervisor can already see it. The session cannot be deleted')
  }
  for (const draft of reflections) {
    await db.deleteFrom('reflections').where('id', '=', draft.id).execute()
    await appendAudit(db, { actorId, action: 'reflection.deleted', entityType: 'reflection', entityId: draft.id, enrolmentId: existing.enrolment_id, before: draft })
  }
  await db.deleteFrom('supervision_sessions').where('id', '=', existing.id).execute()
  const { supervisor_name: _name, clients, ...before } = existing
  await appendAudit(db, {
    actorId,
    action: 'supervision_session.deleted',
    entityType: 'supervision_session',
    entityId: existing.id,
    enrolmentId: existing.enrolment_id,
    before: { ...before, client_ids: clients.map((c) => c.id) },
  })
}
