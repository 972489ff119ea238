// Everything a trainee has logged, newest first: clients added, cycles, supervision sessions and
// reflections, each with its status and, when its stage is locked, why it is read-only.
import { formatHours } from '~/domain/readiness'
import { relationshipLabel } from '~/schemas/client'
import { formatLabel } from '~/schemas/supervision-session'
import { formatDate, instantToCalendarDate, type CalendarDate } from '~/utils/dates'
import type { Db } from './db-types'
import { lockedStageReasons } from './stage-rules.server'
import { ownClients, ownEnrolments } from './access.server'
import type { TimelineFilter, TimelineKind } from '~/schemas/timeline'

export type EntryStatus = 'in_progress' | 'completed' | 'pending' | 'confirmed' | 'returned' | 'draft' | 'submitted'

export interface TimelineEntry {
  key: string
  kind: 'client' | 'cycle' | 'session' | 'reflection'
  date: CalendarDate
  /** Tie-break for entries of the same date: when it was logged. */
  loggedAt: string
  title: string
  detail: string
  status: EntryStatus | null
  href: string
  lockedReason: string | null
}

/**
 * The trainee's records, newest first; `filter` keeps one stage (clients belong to no stage, so a
 * stage filter leaves them out) and one kind of record, in the queries' WHERE.
 */
export async function listTimeline(db: Db, traineeId: number, filter: TimelineFilter = { stage: null, kind: null }): Promise<TimelineEntry[]> {
  const { stage, kind } = filter
  const wanted = (k: TimelineKind) => kind === null || kind === k
  const [clients, cycles, sessions, reflections] = await Promise.all([
    wanted('client') && stage === null ? db.selectFrom('clients').select(['id', 'code', 'relationship', 'consent_given_on', 'created_at']).where(ownClients(traineeId)).execute() : [],
    !wanted('cycle')
      ? []
      : db
          .selectFrom('cycles')
          .innerJoin('enrolments', 'enrolments.id', 'cycles.enrolment_id')
          .innerJoin('clients', 'clients.id', 'cycles.client_id')
          .select(['cycles.id', 'cycles.enrolment_id', 'cycles.filmed_on', 'cycles.reviewed_on', 'cycles.stage_number', 'cycles.clip_count', 'cycles.created_at', 'clients.code'])
          .where(ownEnrolments(traineeId))
          .$if(stage !== null, (qb) => qb.where('cycles.stage_number', '=', stage!))
          .execute(),
    !wanted('session')
      ? []
      : db
          .selectFrom('supervision_sessions')
          .innerJoin('enrolments', 'enrolments.id', 'supervision_sessions.enrolment_id')
          .innerJoin('users as supervisor', 'supervisor.id', 'supervision_sessions.supervisor_id')
          .select([
            'supervision_sessions.id',
            'supervision_sessions.enrolment_id',
            'supervision_sessions.held_on',
            'supervision_sessions.minutes',
            'supervision_sessions.format',
            'supervision_sessions.status',
            'supervision_sessions.stage_number',
            'supervision_sessions.created_at',
            'supervisor.name as supervisor_name',
          ])
          .where(ownEnrolments(traineeId))
          .$if(stage !== null, (qb) => qb.where('supervision_sessions.stage_number', '=', stage!))
          .execute(),
    !wanted('reflection')
      ? []
      : db
          .selectFrom('reflections')
          .innerJoin('enrolments', 'enrolments.id', 'reflections.enrolment_id')
          .innerJoin('rule_set_stages', (join) =>
            join.onRef('rule_set_stages.rule_set_id', '=', 'enrolments.rule_set_id').onRef('rule_set_stages.stage_number', '=', 'reflections.stage_number'),
          )
          .leftJoin('supervision_sessions', 'supervision_sessions.id', 'reflections.supervision_session_id')
          .select([
            'reflections.id',
            'reflections.enrolment_id',
            'reflections.kind',
            'reflections.stage_number',
            'reflections.status',
            'reflections.submitted_at',
            'reflections.created_at',
            'reflections.feedback_at',
            'rule_set_stages.name as stage_name',
            'supervision_sessions.held_on as session_held_on',
          ])
          .where(ownEnrolments(traineeId))
          .$if(stage !== null, (qb) => qb.where('reflections.stage_number', '=', stage!))
          .execute(),
  ])

  const locks = new Map<number, Map<number, string>>()
  const enrolmentStages = new Map<number, (number | null)[]>()
  for (const row of [...cycles, ...sessions, ...reflections]) {
    enrolmentStages.set(row.enrolment_id, [...(enrolmentStages.get(row.enrolment_id) ?? []), row.stage_number])
  }
  for (const [enrolmentId, stages] of enrolmentStages) locks.set(enrolmentId, await lockedStageReasons(db, enrolmentId, stages))
  const lockedReason = (enrolmentId: number, stageNumber: number | null) => (stageNumber === null ? null : (locks.get(enrolmentId)?.get(stageNumber) ?? null))

  const entries: TimelineEntry[] = [
    ...clients.map((c) => ({
      key: `client-${c.id}`,
      kind: 'client' as const,
      // A client's work starts with consent; one added before consent is dated by when it was added.
      date: c.consent_given_on ?? instantToCalendarDate(c.created_at),
      loggedAt: c.created_at,
      title: `Client ${c.code}`,
      detail: `${relationshipLabel(c.relationship)}, ${c.consent_given_on ? 'consent given' : 'no consent recorded yet'}`,
      status: null,
      href: `/trainee/clients/${c.id}`,
      lockedReason: null,
    })),
    ...cycles.map((c) => ({
      key: `cycle-${c.id}`,
      kind: 'cycle' as const,
      date: c.reviewed_on ?? c.filmed_on,
      loggedAt: c.created_at,
      title: `Cycle with ${c.code}`,
      detail: c.reviewed_on
        ? `Filmed ${formatDate(c.filmed_on)}, shared review ${formatDate(c.reviewed_on)}, ${c.clip_count === 1 ? '1 clip' : `${c.clip_count} clips`}`
        : `Filmed ${formatDate(c.filmed_on)}, shared review not logged yet`,
      status: c.reviewed_on ? ('completed' as const) : ('in_progress' as const),
      href: `/trainee/cycles/${c.id}`,
      lockedReason: lockedReason(c.enrolment_id, c.stage_number),
    })),
    ...sessions.map((s) => ({
      key: `session-${s.id}`,
      kind: 'session' as const,
      date: s.held_on,
      loggedAt: s.created_at,
      title: `Supervision session, ${formatHours(s.minutes)}`,
      detail: `${formatLabel(s.format)} with ${s.supervisor_name}`,
      status: s.status,
      href: `/trainee/supervision/${s.id}`,
      lockedReason: lockedReason(s.enrolment_id, s.stage_number),
    })),
    ...reflections.map((r) => ({
      key: `reflection-${r.id}`,
      kind: 'reflection' as const,
      date: instantToCalendarDate(r.submitted_at ?? r.created_at),
      loggedAt: r.created_at,
      title: r.kind === 'stage_end' ? `Written reflection for ${r.stage_name}` : `Reflection on supervision${r.session_held_on ? ` of ${formatDate(r.session_held_on)}` : ''}`,
      detail: r.feedback_at ? 'Your supervisor has given feedback' : r.status === 'submitted' ? 'Visible to your supervisor' : 'Only you can see this draft',
      status: r.status,
      href: `/trainee/reflections/${r.id}`,
      lockedReason: lockedReason(r.enrolment_id, r.stage_number),
    })),
  ]
  return entries.sort((a, b) => b.date.localeCompare(a.date) || b.loggedAt.localeCompare(a.loggedAt))
}

/** The stages of the trainee's enrolments, for the timeline's stage filter, in order. */
export async function listTimelineStages(db: Db, traineeId: number): Promise<{ stageNumber: number; name: string }[]> {
  const rows = await db
    .selectFrom('rule_set_stages')
    .innerJoin('enrolments', 'enrolments.rule_set_id', 'rule_set_stages.rule_set_id')
    .select(['rule_set_stages.stage_number', 'rule_set_stages.name'])
    .where(ownEnrolments(traineeId))
    .orderBy('rule_set_stages.stage_number')
    .execute()
  return [...new Map(rows.map((r) => [r.stage_number, { stageNumber: r.stage_number, name: r.name }])).values()]
}
