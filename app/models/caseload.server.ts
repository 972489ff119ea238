// A supervisor's caseload and to-do queue, for any number of trainees in a fixed number of queries.
import { stageOf } from '~/domain/rule-set'
import { readinessForSignOff } from '~/domain/stage-end'
import { supervisorTodos, type CaseFacts } from '~/domain/todo-queue'
import type { CaseloadStatus } from '~/schemas/records-filter'
import { groupBy } from '~/utils/collections'
import { instantToCalendarDate } from '~/utils/dates'
import { containsText } from '~db/portable'
import { supervisedBy, type Viewer } from './access.server'
import type { Db } from './db-types'
import { enrolmentsWithCurrentStage } from './enrolment.server'
import { dashboardFields, loadProgress, progressSummary } from './progress.server'

/** Which of the viewer's trainees to gather: one enrolment (their page), or the caseload's filters (issue 12). */
export interface CaseloadFilter {
  enrolmentId?: number
  /** Part of the trainee's name, any case. */
  name?: string | null
  status?: CaseloadStatus | null
}

/**
 * The viewer's supervisees within `filter` (matched in the query), each with readiness, forecast and
 * flags, and the to-do queue over them. `today` is a calendar date.
 */
export async function supervisorCaseload(db: Db, viewer: Viewer, today: string, filter: CaseloadFilter = {}) {
  let query = enrolmentsWithCurrentStage(db).where(supervisedBy(viewer))
  if (filter.enrolmentId !== undefined) query = query.where('enrolments.id', '=', filter.enrolmentId)
  if (filter.name) query = query.where((eb) => containsText(eb, eb.ref('trainee.name'), filter.name!))
  if (filter.status === 'active') query = query.where('enrolments.status', '=', 'active').where('stage.status', '=', 'in_progress')
  if (filter.status === 'awaiting_accreditation') query = query.where('enrolments.status', '=', 'active').where('stage.status', '=', 'signed_off').where('stage.completed_on', 'is', null)
  if (filter.status === 'accredited' || filter.status === 'paused' || filter.status === 'withdrawn') query = query.where('enrolments.status', '=', filter.status)
  const enrolments = await query.orderBy('trainee.name').execute()
  const ids = enrolments.map((e) => e.id)
  if (ids.length === 0) return { trainees: [], todos: [] }
  const [loaded, pendingSessions, unreadReflections, meetings] = await Promise.all([
    loadProgress(db, enrolments, today),
    db.selectFrom('supervision_sessions').select(['id', 'enrolment_id', 'held_on', 'minutes']).where('enrolment_id', 'in', ids).where('status', '=', 'pending').orderBy('held_on').execute(),
    db
      .selectFrom('reflections')
      .select(['id', 'enrolment_id', 'kind', 'stage_number', 'submitted_at'])
      .where('enrolment_id', 'in', ids)
      .where('status', '=', 'submitted')
      .where('feedback', 'is', null)
      .orderBy('submitted_at')
      .execute(),
    db.selectFrom('stage_meetings').select(['enrolment_id', 'stage_number', 'kind', 'outcome']).where('enrolment_id', 'in', ids).orderBy('held_on').orderBy('id').execute(),
  ])

  // Each kind of row grouped once by enrolment: no scan of every row per trainee.
  const meetingsOf = groupBy(meetings, (m) => m.enrolment_id)
  const pendingOf = groupBy(pendingSessions, (s) => s.enrolment_id)
  const unreadOf = groupBy(unreadReflections, (r) => r.enrolment_id)
  const trainees = enrolments.map((e) => {
    const { ruleSet, evidence, readiness, forecast, flags, lastActivityOn } = loaded.get(e.id)!
    const stage = stageOf(ruleSet, e.current_stage)
    const stageMeetings = (meetingsOf.get(e.id) ?? []).filter((m) => m.stage_number === e.current_stage)
    const latestEnd = stageMeetings.filter((m) => m.kind !== 'introduction').at(-1)
    const facts: CaseFacts = {
      enrolmentId: e.id,
      traineeName: e.trainee_name,
      stageName: stage.name,
      stageStatus: e.status === 'active' ? e.stage_status : 'accredited',
      stageStartedOn: e.stage_started_on,
      requiresIntroduction: stage.requiresIntroductionSession,
      introductionRecorded: stageMeetings.some((m) => m.kind === 'introduction'),
      endMeeting: stage.endMeeting,
      endMeetingPassed: latestEnd?.outcome === 'passed',
      readiness: readinessForSignOff(ruleSet, e.current_stage, evidence),
      lastActivityOn,
      pendingSessions: (pendingOf.get(e.id) ?? []).map((s) => ({ id: s.id, heldOn: s.held_on, minutes: s.minutes })),
      unreadReflections: (unreadOf.get(e.id) ?? [])
        // Feedback is given while a stage is open or waiting for the accreditor (a sign-off does not
        // make an unread reflection disappear); completed stages' reflections are history.
        .filter((r) => r.stage_number === e.current_stage && e.status === 'active' && (e.stage_status === 'in_progress' || e.stage_status === 'signed_off'))
        .map((r) => ({ id: r.id, kind: r.kind, submittedOn: r.submitted_at ? instantToCalendarDate(r.submitted_at) : today })),
      waitingDays: ruleSet.thresholds.waitingDays,
    }
    return { ...e, ...dashboardFields(e, progressSummary({ readiness, forecast, flags, lastActivityOn })), readiness, forecast, flags, facts }
  })
  const todos = supervisorTodos(
    trainees.map((t) => t.facts),
    today,
  )
  const todosOf = groupBy(todos, (item) => item.enrolmentId)
  return {
    trainees: trainees.map(({ facts: _facts, ...t }) => ({ ...t, todoCount: todosOf.get(t.id)?.length ?? 0 })),
    todos,
  }
}
