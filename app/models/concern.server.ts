// Concerns raised on an enrolment's risk flags, with their history. Only a programme lead of the
// programme (or an admin) or the trainee's own supervisor may raise or close one: the enrolments
// they reach in one of OVERSIGHT_ROLES (access.server.ts), in the WHERE.
import { OVERSIGHT_ROLES, enrolmentScope, type Viewer } from './access.server'
import { appendAudit } from './audit.server'
import type { Db } from './db-types'

export async function listConcerns(db: Db, enrolmentIds: number[]) {
  if (enrolmentIds.length === 0) return []
  return db
    .selectFrom('concerns')
    .innerJoin('users', 'users.id', 'concerns.raised_by')
    .select([
      'concerns.id',
      'concerns.enrolment_id',
      'concerns.flag_code',
      'concerns.note',
      'concerns.action_plan',
      'concerns.review_on',
      'concerns.created_at',
      'concerns.cleared_at',
      'users.name as raised_by_name',
    ])
    .where('concerns.enrolment_id', 'in', enrolmentIds)
    .orderBy('concerns.created_at', 'desc')
    .orderBy('concerns.id', 'desc')
    .execute()
}

export async function raiseConcern(
  trx: Db,
  viewer: Viewer,
  input: { enrolmentId: number; flagCode: string; note: string; actionPlan: string; reviewOn: string | null },
): Promise<true | undefined> {
  const enrolment = await trx.selectFrom('enrolments').select('id').where('id', '=', input.enrolmentId).where(enrolmentScope(viewer, OVERSIGHT_ROLES)).executeTakeFirst()
  if (!enrolment) return undefined
  const { id } = await trx
    .insertInto('concerns')
    .values({ enrolment_id: input.enrolmentId, flag_code: input.flagCode, note: input.note, action_plan: input.actionPlan, review_on: input.reviewOn, raised_by: viewer.id })
    .returning('id')
    .executeTakeFirstOrThrow()
  await appendAudit(trx, { actorId: viewer.id, action: 'concern.raised', entityType: 'concern', entityId: id, enrolmentId: input.enrolmentId, after: input })
  return true
}

export async function closeConcern(trx: Db, viewer: Viewer, input: { enrolmentId: number; concernId: number; at: string }): Promise<true | undefined> {
  const concern = await trx
    .selectFrom('concerns')
    .innerJoin('enrolments', 'enrolments.id', 'concerns.enrolment_id')
    .select(['concerns.id'])
    .where('concerns.id', '=', input.concernId)
    .where('concerns.enrolment_id', '=', input.enrolmentId)
    .where('concerns.cleared_at', 'is', null)
    .where(enrolmentScope(viewer, OVERSIGHT_ROLES))
    .executeTakeFirst()
  if (!concern) return undefined
  await trx.updateTable('concerns').set({ cleared_at: input.at }).where('id', '=', concern.id).execute()
  await appendAudit(trx, { actorId: viewer.id, action: 'concern.closed', entityType: 'concern', entityId: concern.id, enrolmentId: input.enrolmentId, after: { cleared_at: input.at } })
  return true
}
