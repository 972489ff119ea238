// One trainee's records as their supervisor reads them (issue 12): cycles with client codes and
// clip counts, every supervision session with who decided it, filtered in the query by client code,
// date range and status. Only the viewer's own supervisees' rows are reached (`supervisedBy`).
import type { RecordsQuery } from '~/schemas/records-filter'
import { containsText } from '~db/portable'
import { supervisedBy, type Viewer } from './access.server'
import type { Db } from './db-types'

/**
 * The cycles of `enrolmentId` matching `query` (client code contains `client`; filmed between `from`
 * and `to`, calendar dates inclusive; 'waiting' = shared review not yet logged, 'done' = reviewed;
 * 'returned' matches no cycle), newest first. Empty when the trainee is not the viewer's.
 */
export async function listSupervisedCycles(db: Db, viewer: Viewer, enrolmentId: number, query: RecordsQuery) {
  let q = db
    .selectFrom('cycles')
    .innerJoin('enrolments', 'enrolments.id', 'cycles.enrolment_id')
    .innerJoin('clients', 'clients.id', 'cycles.client_id')
    .select(['cycles.id', 'cycles.filmed_on', 'cycles.reviewed_on', 'cycles.stage_number', 'cycles.clip_count', 'clients.code as client_code'])
    .where('cycles.enrolment_id', '=', enrolmentId)
    .where(supervisedBy(viewer))
  if (query.client) q = q.where((eb) => containsText(eb, eb.ref('clients.code'), query.client!))
  if (query.from) q = q.where('cycles.filmed_on', '>=', query.from)
  if (query.to) q = q.where('cycles.filmed_on', '<=', query.to)
  if (query.status === 'waiting') q = q.where('cycles.reviewed_on', 'is', null)
  if (query.status === 'done') q = q.where('cycles.reviewed_on', 'is not', null)
  if (query.status === 'returned') return []
  return q.orderBy('cycles.filmed_on', 'desc').orderBy('cycles.id', 'desc').execute()
}

/**
 * The supervision sessions of `enrolmentId` matching `query` (held between `from` and `to`;
 * 'waiting' = pending, 'done' = confirmed, 'returned'; a client code matches no session, which has
 * none), pending first, then newest first. Empty when the trainee is not the viewer's.
 */
export async function listSupervisedSessions(db: Db, viewer: Viewer, enrolmentId: number, query: RecordsQuery) {
  if (query.client) return []
  let q = db
    .selectFrom('supervision_sessions')
    .innerJoin('enrolments', 'enrolments.id', 'supervision_sessions.enrolment_id')
    .leftJoin('users as decider', 'decider.id', 'supervision_sessions.decided_by')
    .select([
      'supervision_sessions.id',
      'supervision_sessions.held_on',
      'supervision_sessions.minutes',
      'supervision_sessions.format',
      'supervision_sessions.kind',
      'supervision_sessions.status',
      'supervision_sessions.stage_number',
      'supervision_sessions.notes',
      'supervision_sessions.return_comment',
      'supervision_sessions.decided_at',
      'decider.name as decided_by_name',
    ])
    .where('supervision_sessions.enrolment_id', '=', enrolmentId)
    .where(supervisedBy(viewer))
  if (query.from) q = q.where('supervision_sessions.held_on', '>=', query.from)
  if (query.to) q = q.where('supervision_sessions.held_on', '<=', query.to)
  if (query.status) q = q.where('supervision_sessions.status', '=', query.status === 'waiting' ? 'pending' : query.status === 'done' ? 'confirmed' : 'returned')
  return q
    .orderBy((eb) => eb.case().when('supervision_sessions.status', '=', 'pending').then(0).else(1).end())
    .orderBy('supervision_sessions.held_on', 'desc')
    .orderBy('supervision_sessions.id', 'desc')
    .execute()
}
