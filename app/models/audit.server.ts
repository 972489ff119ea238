// The append-only audit trail: who did what, when, with the record before and after.
// This module only ever inserts and reads; nothing in the app updates or deletes audit rows.
import type { AuditFilter } from '~/schemas/audit'
import { auditActionLabel, auditLine, type AuditContext } from '~/utils/audit-wording'
import { OVERSIGHT_ROLES, enrolmentScope, ownClients, type Viewer } from './access.server'
import type { Db } from './db-types'
import { findEnrolmentInScope } from './enrolment.server'

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

/**
 * An enrolment's audit rows, newest first, with the actor's name, if `viewer` may oversee it
 * (OVERSIGHT_ROLES: its supervisor, its programme's lead, an admin); else none. `filter` narrows to
 * one person and/or one action code. The stored values are exact (the CSV export shows them).
 */
export async function listAuditForEnrolment(db: Db, viewer: Viewer, enrolmentId: number, filter: AuditFilter = { auditBy: null, auditAction: null }) {
  let query = db
    .selectFrom('audit_log')
    .innerJoin('enrolments', 'enrolments.id', 'audit_log.enrolment_id')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.action',
      'audit_log.actor_id',
      'audit_log.entity_type',
      'audit_log.entity_id',
      'audit_log.before_json',
      'audit_log.after_json',
      'audit_log.reason',
      'users.name as actor_name',
    ])
    .where('audit_log.enrolment_id', '=', enrolmentId)
    .where(enrolmentScope(viewer, OVERSIGHT_ROLES))
  if (filter.auditBy !== null) query = query.where('audit_log.actor_id', '=', filter.auditBy)
  if (filter.auditAction !== null) query = query.where('audit_log.action', '=', filter.auditAction)
  return query.orderBy('audit_log.at', 'desc').orderBy('audit_log.id', 'desc').execute()
}

/** User ids a row's before/after refer to (a session's supervisor, a reassignment's people), to name them. */
function peopleReferred(rows: { before_json: string | null; after_json: string | null }[]): number[] {
  const ids = new Set<number>()
  for (const row of rows) {
    for (const json of [row.before_json, row.after_json]) {
      const values = json ? (JSON.parse(json) as Record<string, unknown>) : null
      if (!values || typeof values !== 'object') continue
      for (const key of ['supervisor_id', 'userId', 'supervisorId', 'accreditorId']) if (typeof values[key] === 'number') ids.add(values[key])
    }
  }
  return [...ids]
}

/**
 * The audit trail as people read it, for an enrolment `viewer` may oversee: each row as a sentence
 * (app/utils/audit-wording.ts) with its changes and reason, newest first, narrowed by `filter`;
 * and the people and actions present in the whole trail, for the filter's choices. Undefined when
 * the enrolment is not the viewer's to oversee.
 */
export async function loadAuditTrail(db: Db, viewer: Viewer, enrolmentId: number, filter: AuditFilter) {
  const enrolment = await findEnrolmentInScope(db, enrolmentScope(viewer, OVERSIGHT_ROLES), enrolmentId)
  if (!enrolment) return undefined
  const [rows, everyone] = await Promise.all([
    listAuditForEnrolment(db, viewer, enrolment.id, filter),
    db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.actor_id')
      .select(['audit_log.actor_id', 'audit_log.action', 'users.name as actor_name'])
      .distinct()
      .where('audit_log.enrolment_id', '=', enrolment.id)
      .execute(),
  ])
  const referred = peopleReferred(rows)
  const [people, clients, stages] = await Promise.all([
    referred.length ? db.selectFrom('users').select(['id', 'name']).where('id', 'in', referred).execute() : Promise.resolve([]),
    db.selectFrom('clients').select(['id', 'code']).where(ownClients(enrolment.trainee_id)).execute(),
    db.selectFrom('rule_set_stages').select(['stage_number', 'name']).where('rule_set_id', '=', enrolment.rule_set_id).execute(),
  ])
  const context: AuditContext = {
    traineeName: enrolment.trainee_name,
    people: Object.fromEntries(people.map((p) => [String(p.id), p.name])),
    clients: Object.fromEntries(clients.map((c) => [String(c.id), c.code])),
    stages: Object.fromEntries(stages.map((s) => [String(s.stage_number), s.name])),
  }
  const byName = new Map(everyone.filter((e) => e.actor_id !== null).map((e) => [e.actor_id!, e.actor_name ?? 'Someone']))
  return {
    enrolmentId: enrolment.id,
    filter,
    total: rows.length,
    lines: rows.map((row) => ({ id: row.id, ...auditLine(row, context) })),
    people: [...byName].map(([id, name]) => ({ value: String(id), label: name })).sort((a, b) => a.label.localeCompare(b.label)),
    actions: [...new Set(everyone.map((e) => e.action))].map((action) => ({ value: action, label: auditActionLabel(action) })).sort((a, b) => a.label.localeCompare(b.label)),
  }
}

export type AuditTrailData = NonNullable<Awaited<ReturnType<typeof loadAuditTrail>>>
