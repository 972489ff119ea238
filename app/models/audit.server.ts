// The append-only audit trail: who did what, when, with the record before and after.
// This module only ever inserts and reads; nothing in the app updates or deletes audit rows.
import type { Db } from './db-types'

export interface AuditEntry {
  actorId: number | null
  action: string
  entityType: string
  entityId?: number | null
  enrolmentId?: number | null
  before?: unknown
  after?: unknown
  reason?: string | null
}

export async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      enrolment_id: entry.enrolmentId ?? null,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
      reason: entry.reason ?? null,
    })
    .execute()
}

export async function listAuditForEnrolment(db: Db, enrolmentId: number) {
  return db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.action',
      'audit_log.entity_type',
      'audit_log.entity_id',
      'audit_log.before_json',
      'audit_log.after_json',
      'audit_log.reason',
      'users.name as actor_name',
    ])
    .where('audit_log.enrolment_id', '=', enrolmentId)
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .execute()
}
