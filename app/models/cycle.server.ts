// VIG cycles: a filming and its shared review with the client. Cycles belong to an enrolment; the
// trainee reaches only cycles of their own enrolments (`ownEnrolments` in every WHERE), and
// only their own clients can be named in one.
import { cycleConsentProblem } from '~/domain/consent'
import type { CycleInput } from '~/schemas/cycle'
import { nowInstant } from '~/utils/dates'
import { Refusal } from '~/utils/refusal.server'
import { appendAudit } from './audit.server'
import { consentOf, getClient } from './client.server'
import type { Db } from './db-types'
import { stageIsWritable, writableStageOn } from './stage-rules.server'
import { ownEnrolments } from './access.server'

export async function getCycle(db: Db, { id, traineeId }: { id: number; traineeId: number }) {
  return db
    .selectFrom('cycles')
    .innerJoin('enrolments', 'enrolments.id', 'cycles.enrolment_id')
    .innerJoin('clients', 'clients.id', 'cycles.client_id')
    .selectAll('cycles')
    .select('clients.code as client_code')
    .where('cycles.id', '=', id)
    .where(ownEnrolments(traineeId))
    .executeTakeFirst()
}

export async function listClientCycles(db: Db, { clientId, traineeId }: { clientId: number; traineeId: number }) {
  return db
    .selectFrom('cycles')
    .innerJoin('enrolments', 'enrolments.id', 'cycles.enrolment_id')
    .selectAll('cycles')
    .where('cycles.client_id', '=', clientId)
    .where(ownEnrolments(traineeId))
    .orderBy('cycles.filmed_on', 'desc')
    .execute()
}

interface CycleWrite {
  traineeId: number
  actorId: number
  input: CycleInput
}

/** The client must be the trainee's own and, for a new cycle or a change of client, consent to supervision. */
async function checkCycle(db: Db, enrolmentId: number, { traineeId, input }: CycleWrite, previousClientId?: number): Promise<number | null> {
  const client = await getClient(db, { id: input.client_id, traineeId })
  if (!client) throw new Refusal('Choose one of your clients', 'client_id')
  if (client.id !== previousClientId) {
    const problem = cycleConsentProblem(consentOf(client), input.filmed_on)
    if (problem) throw new Refusal(problem, 'client_id')
  }
  if (!input.reviewed_on) return null
  return writableStageOn(db, enrolmentId, input.reviewed_on, 'A shared review', 'reviewed_on')
}

function columns(input: CycleInput, stageNumber: number | null) {
  return {
    client_id: input.client_id,
    filmed_on: input.filmed_on,
    reviewed_on: input.reviewed_on,
    stage_number: stageNumber,
    clip_count: input.clip_count,
    notes: input.notes,
  }
}

export async function createCycle(db: Db, write: CycleWrite & { enrolmentId: number }): Promise<number> {
  const stage = await checkCycle(db, write.enrolmentId, write)
  const created = await db
    .insertInto('cycles')
    .values({ enrolment_id: write.enrolmentId, ...columns(write.input, stage) })
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendAudit(db, { actorId: write.actorId, action: 'cycle.created', entityType: 'cycle', entityId: created.id, enrolmentId: write.enrolmentId, after: created })
  return created.id
}

export async function updateCycle(db: Db, write: CycleWrite & { id: number }): Promise<number> {
  const existing = await getCycle(db, { id: write.id, traineeId: write.traineeId })
  if (!existing) throw new Refusal('This cycle no longer exists')
  await stageIsWritable(db, existing.enrolment_id, existing.stage_number)
  const stage = await checkCycle(db, existing.enrolment_id, write, existing.client_id)
  const { client_code: _code, ...before } = existing
  const after = await db
    .updateTable('cycles')
    .set({ ...columns(write.input, stage), updated_at: nowInstant() })
    .where('id', '=', existing.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendAudit(db, { actorId: write.actorId, action: 'cycle.updated', entityType: 'cycle', entityId: existing.id, enrolmentId: existing.enrolment_id, before, after })
  return existing.id
}

export async function deleteCycle(db: Db, { id, traineeId, actorId }: { id: number; traineeId: number; actorId: number }): Promise<void> {
  const existing = await getCycle(db, { id, traineeId })
  if (!existing) throw new Refusal('This cycle no longer exists')
  await stageIsWritable(db, existing.enrolment_id, existing.stage_number)
  await db.deleteFrom('cycles').where('id', '=', existing.id).execute()
  const { client_code: _code, ...before } = existing
  await appendAudit(db, { actorId, action: 'cycle.deleted', entityType: 'cycle', entityId: existing.id, enrolmentId: existing.enrolment_id, before })
}
