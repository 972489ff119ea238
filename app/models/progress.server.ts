// Where each trainee stands: readiness, projected dates, risk flags and last activity, for any
// number of enrolments in a fixed number of queries (dashboards must never query per trainee).
// The judging is the domain's (readiness, forecast, risk); this module only gathers the facts.
import { forecastEnrolment, type EnrolmentForecast } from '~/domain/forecast'
import { remainingWork, stageReadiness, type RemainingWork, type StageReadiness, type StageEvidence } from '~/domain/readiness'
import { flagSummary, type DashboardRow } from '~/domain/dashboard'
import { riskFlags, type EnrolmentFacts, type Flag, type Severity } from '~/domain/risk'
import { stageOf, type RuleSet } from '~/domain/rule-set'
import { afterStage } from '~/domain/stage-end'
import { groupBy } from '~/utils/collections'
import { addDays, instantToCalendarDate, maxDate, type CalendarDate } from '~/utils/dates'
import type { Db } from './db-types'
import type { EnrolmentScope } from './access.server'
import { enrolmentsWithCurrentStage } from './enrolment.server'
import { loadReadiness } from './evidence.server'

export interface EnrolmentForProgress {
  id: number
  trainee_id: number
  rule_set_id: number
  current_stage: number
  started_on: string
  status: string
  completed_on: string | null
  supervisor_id: number | null
  external_accreditor_id: number | null
  funding_ends_on: string | null
}

export interface Progress {
  ruleSet: RuleSet
  evidence: StageEvidence
  readiness: StageReadiness
  stageStartedOn: string
  /** The current stage is signed off and waits for the external accreditor. */
  awaitingAccreditation: boolean
  /**
   * While the current stage waits for accreditation, the next stage open provisionally since the
   * day after the sign-off (ADR 0016): its readiness and forecast, counted from the work logged in it.
   * Null otherwise (and while the final stage waits: no stage is open then).
   */
  provisional: ProvisionalStage | null
  forecast: EnrolmentForecast | null
  flags: Flag[]
  lastActivityOn: string | null
  /** The work left from the current stage to the end of the pathway (the sustainability plan's demand). */
  remaining: RemainingWork
}

export interface ProvisionalStage {
  stageNumber: number
  startedOn: string
  readiness: StageReadiness
  forecast: EnrolmentForecast
}

export async function loadProgress(db: Db, enrolments: EnrolmentForProgress[], today: string): Promise<Map<number, Progress>> {
  const ids = enrolments.map((e) => e.id)
  const traineeIds = [...new Set(enrolments.map((e) => e.trainee_id))]
  if (ids.length === 0) return new Map()
  const [readiness, stages, clients, unread, signOffs] = await Promise.all([
    loadReadiness(db, enrolments),
    db.selectFrom('enrolment_stages').select(['enrolment_id', 'stage_number', 'status', 'started_on']).where('enrolment_id', 'in', ids).execute(),
    db.selectFrom('clients').select(['trainee_id', 'consent_supervision', 'consent_withdrawn_on', 'work_ended_on', 'recordings_erased_on']).where('trainee_id', 'in', traineeIds).execute(),
    db
      .selectFrom('reflections')
      .select(['enrolment_id', (eb) => eb.fn.min('submitted_at').as('oldest')])
      .where('enrolment_id', 'in', ids)
      .where('status', '=', 'submitted')
      .where('feedback_at', 'is', null)
      .groupBy('enrolment_id')
      .execute(),
    db.selectFrom('sign_offs').select(['enrolment_id', 'stage_number', 'signed_off_at']).where('enrolment_id', 'in', ids).where('superseded_at', 'is', null).execute(),
  ])

  const stagesOf = groupBy(stages, (s) => s.enrolment_id)
  const signOffsOf = groupBy(signOffs, (s) => s.enrolment_id)
  const clientsOf = groupBy(clients, (c) => c.trainee_id)
  const unreadOf = new Map(unread.map((u) => [u.enrolment_id, u.oldest]))
  const result = new Map<number, Progress>()
  for (const enrolment of enrolments) {
    const { ruleSet, evidence, readiness: current } = readiness.get(enrolment.id)!
    const stage = stagesOf.get(enrolment.id)?.find((s) => s.stage_number === enrolment.current_stage)
    const stageStartedOn = stage?.started_on ?? enrolment.started_on
    const signOff = signOffsOf.get(enrolment.id)?.find((s) => s.stage_number === enrolment.current_stage)
    const awaitingAccreditation = stage?.status === 'signed_off' && stageOf(ruleSet, enrolment.current_stage).requiresExternalAccreditation
    const ownClients = clientsOf.get(enrolment.trainee_id) ?? []
    const completedCycles = evidence.cycles.filter((c) => c.reviewedOn)
    const lastCompletedCycleOn = maxDate(...completedCycles.map((c) => c.reviewedOn))
    const lastConfirmedSupervisionOn = maxDate(...evidence.supervision.filter((s) => s.status === 'confirmed').map((s) => s.heldOn))
    const oldestUnread = unreadOf.get(enrolment.id)
    const lastActivityOn = maxDate(lastCompletedCycleOn, ...evidence.supervision.map((s) => s.heldOn), ...evidence.cycles.map((c) => c.filmedOn))
    const remaining = remainingWork(ruleSet, enrolment.current_stage, evidence)

    if (enrolment.status !== 'active') {
      result.set(enrolment.id, {
        ruleSet,
        evidence,
        readiness: current,
        stageStartedOn,
        awaitingAccreditation: false,
        provisional: null,
        forecast: null,
        flags: [],
        lastActivityOn,
        remaining,
      })
      continue
    }
    const next = awaitingAccreditation ? afterStage(ruleSet, enrolment.current_stage) : null
    const nextRow = next?.kind === 'next' ? stagesOf.get(enrolment.id)?.find((s) => s.stage_number === next.stageNumber && s.status === 'in_progress') : undefined
    const provisional: ProvisionalStage | null = nextRow
      ? {
          stageNumber: nextRow.stage_number,
          startedOn: nextRow.started_on,
          readiness: stageReadiness(ruleSet, nextRow.stage_number, evidence),
          forecast: forecastEnrolment({ ruleSet, currentStage: nextRow.stage_number, stageStartedOn: nextRow.started_on, evidence, today }),
        }
      : null
    const forecast = forecastEnrolment({ ruleSet, currentStage: enrolment.current_stage, stageStartedOn, evidence, today })
    const stageEvidenceDates = [
      ...completedCycles.filter((c) => c.stageNumber === enrolment.current_stage).map((c) => c.reviewedOn),
      ...evidence.supervision.filter((s) => s.stageNumber === enrolment.current_stage && s.status === 'confirmed').map((s) => s.heldOn),
    ]
    const facts: EnrolmentFacts = {
      enrolmentStartedOn: enrolment.started_on,
      currentStage: enrolment.current_stage,
      stageStartedOn,
      lastConfirmedSupervisionOn,
      lastCompletedCycleOn,
      readiness: current,
      forecastAccreditationOn: forecast.accreditationOn,
      fundingEndsOn: enrolment.funding_ends_on,
      supervisorAssigned: enrolment.supervisor_id !== null,
      accreditorAssigned: enrolment.external_accreditor_id !== null,
      clientsWithConsent: ownClients.filter((c) => c.consent_supervision === 1 && !c.consent_withdrawn_on && !c.work_ended_on).length,
      oldestPendingSessionOn:
        evidence.supervision
          .filter((s) => s.status === 'pending')
          .map((s) => s.heldOn)
          .sort()[0] ?? null,
      oldestUnreadReflectionOn: oldestUnread ? instantToCalendarDate(oldestUnread) : null,
      // Readiness became true with the last piece of evidence of the stage.
      readyForSignOffSince: current.ready && !awaitingAccreditation ? (maxDate(...stageEvidenceDates) ?? stageStartedOn) : null,
      awaitingAccreditationSince: awaitingAccreditation && signOff ? instantToCalendarDate(signOff.signed_off_at) : null,
      recordingErasureDueDates: ownClients.filter((c) => c.work_ended_on && !c.recordings_erased_on).map((c) => addDays(c.work_ended_on!, ruleSet.recordingRetentionDays)),
    }
    result.set(enrolment.id, {
      ruleSet,
      evidence,
      readiness: current,
      stageStartedOn,
      awaitingAccreditation,
      provisional,
      forecast,
      flags: riskFlags(facts, ruleSet, today),
      lastActivityOn,
      remaining,
    })
  }
  return result
}

/** What dashboards, reports and digests use of an enrolment's progress: all of it but the raw evidence and rule set. */
export type CachedProgress = Omit<Progress, 'ruleSet' | 'evidence'>

/**
 * What a programme's headline counts, charts, filters and sort read of each trainee's progress,
 * kept as columns beside the cached payload so a page of hundreds of trainees parses none of it:
 * the current stage's name, the worst flag (null with none) and how many flags, the projected
 * accreditation date and the last activity (calendar dates, null when there is none).
 */
export interface ProgressSummary {
  stageName: string
  worstSeverity: Severity | null
  flagCount: number
  accreditationOn: CalendarDate | null
  lastActivityOn: CalendarDate | null
}

/** The summary of a computed or cached progress. */
export function progressSummary(progress: Pick<Progress, 'readiness' | 'flags' | 'forecast' | 'lastActivityOn'>): ProgressSummary {
  return {
    stageName: progress.readiness.stageName,
    ...flagSummary(progress.flags),
    accreditationOn: progress.forecast?.accreditationOn ?? null,
    lastActivityOn: progress.lastActivityOn,
  }
}

/** Rows per statement when writing the cache: well inside both databases' limits on bound values. */
const CACHE_WRITE_CHUNK = 200

type StampedEnrolment = EnrolmentForProgress & { progress_stamp: number }

/**
 * `loadProgress` for many enrolments through the progress cache (ADR 0022): an `enrolment_progress`
 * row is used when its stamp equals the enrolment's `progress_stamp` (bumped by triggers on every
 * write progress depends on, db/progress-stamps.ts) and it was computed for `today` (a calendar
 * date: flags and forecasts depend on the day); every other enrolment is computed with
 * `loadProgress` and its row upserted (a concurrent view writing the same row wins or loses, never
 * fails). `progress_stamp` must be read in the same statement as the other enrolment fields, before
 * the evidence is, so a row is never stamped newer than what it was computed from.
 * `enrolments` must carry their programme's own `funding_ends_on` (as `enrolmentsWithCurrentStage`
 * reads it): a what-if end date would be cached as if it were real, so a what-if stays on
 * `loadProgress`. Returns the same map as `loadProgress`, without `ruleSet` and `evidence`.
 */
export async function loadCachedProgress(db: Db, enrolments: StampedEnrolment[], today: CalendarDate): Promise<Map<number, CachedProgress>> {
  const byId = new Map(enrolments.map((e) => [e.id, e]))
  if (byId.size === 0) return new Map()
  const cached = await db
    .selectFrom('enrolment_progress')
    .select(['enrolment_id', 'stamp', 'computed_for', 'payload'])
    .where('enrolment_id', 'in', [...byId.keys()])
    .execute()
  const result = new Map<number, CachedProgress>()
  for (const row of cached) {
    if (row.stamp === byId.get(row.enrolment_id)!.progress_stamp && row.computed_for === today) result.set(row.enrolment_id, JSON.parse(row.payload) as CachedProgress)
  }
  const stale = [...byId.values()].filter((e) => !result.has(e.id))
  for (const [id, progress] of await refreshCache(db, stale, today)) result.set(id, progress)
  return result
}

/**
 * The enrolments `scope` selects (its WHERE: access and which enrolments), by trainee name, each as a
 * `DashboardRow` with its status and current stage's name, as of `today` (a calendar date). One
 * narrow query: the summary comes from the progress cache's columns, joined only where the row is
 * fresh (same stamp, computed for `today`), so no payload is parsed; the few enrolments whose row is
 * stale are read in full, computed and cached (as `loadCachedProgress` does).
 */
export async function listProgressSummaries(db: Db, scope: EnrolmentScope, today: CalendarDate): Promise<(DashboardRow & { status: string; stageName: string })[]> {
  const rows = await db
    .selectFrom('enrolments')
    .innerJoin('users as trainee', 'trainee.id', 'enrolments.trainee_id')
    .leftJoin('enrolment_progress as cache', (join) =>
      join.onRef('cache.enrolment_id', '=', 'enrolments.id').onRef('cache.stamp', '=', 'enrolments.progress_stamp').on('cache.computed_for', '=', today),
    )
    .select([
      'enrolments.id',
      'trainee.name as trainee_name',
      'enrolments.current_stage',
      'enrolments.status',
      'enrolments.supervisor_id',
      'cache.stage_name',
      'cache.worst_severity',
      'cache.flag_count',
      'cache.accreditation_on',
      'cache.last_activity_on',
    ])
    .where(scope)
    .orderBy('trainee.name')
    .execute()
  // `stage_name` is never null in a cached row: null means no fresh row joined.
  const staleIds = rows.filter((r) => r.stage_name === null).map((r) => r.id)
  const computed = staleIds.length ? await refreshCache(db, await enrolmentsWithCurrentStage(db).where('enrolments.id', 'in', staleIds).execute(), today) : new Map<number, CachedProgress>()
  return rows.map((r) => {
    const fresh = computed.get(r.id)
    const summary: ProgressSummary = fresh
      ? progressSummary(fresh)
      : { stageName: r.stage_name!, worstSeverity: r.worst_severity, flagCount: Number(r.flag_count), accreditationOn: r.accreditation_on, lastActivityOn: r.last_activity_on }
    return { ...dashboardFields(r, summary), id: r.id, status: r.status, stageName: summary.stageName }
  })
}

/** Computes `stale` enrolments' progress and upserts their cache rows, payload and summary. */
async function refreshCache(db: Db, stale: StampedEnrolment[], today: CalendarDate): Promise<Map<number, CachedProgress>> {
  const result = new Map<number, CachedProgress>()
  if (stale.length === 0) return result
  const computed = await loadProgress(db, stale, today)
  const rows = stale.map((e) => {
    const { ruleSet, evidence, ...progress } = computed.get(e.id)!
    result.set(e.id, progress)
    const summary = progressSummary(progress)
    return {
      enrolment_id: e.id,
      stamp: e.progress_stamp,
      computed_for: today,
      payload: JSON.stringify(progress),
      stage_name: summary.stageName,
      worst_severity: summary.worstSeverity,
      flag_count: summary.flagCount,
      accreditation_on: summary.accreditationOn,
      last_activity_on: summary.lastActivityOn,
    }
  })
  for (let start = 0; start < rows.length; start += CACHE_WRITE_CHUNK) {
    await db
      .insertInto('enrolment_progress')
      .values(rows.slice(start, start + CACHE_WRITE_CHUNK))
      .onConflict((oc) =>
        oc.column('enrolment_id').doUpdateSet((eb) => ({
          stamp: eb.ref('excluded.stamp'),
          computed_for: eb.ref('excluded.computed_for'),
          payload: eb.ref('excluded.payload'),
          stage_name: eb.ref('excluded.stage_name'),
          worst_severity: eb.ref('excluded.worst_severity'),
          flag_count: eb.ref('excluded.flag_count'),
          accreditation_on: eb.ref('excluded.accreditation_on'),
          last_activity_on: eb.ref('excluded.last_activity_on'),
        })),
      )
      .execute()
  }
  return result
}

/** The fields the trainee tables filter and sort by (app/domain/dashboard.ts), from an enrolment and its progress. */
export function dashboardFields(
  enrolment: { trainee_name: string; current_stage: number; status: string; supervisor_id: number | null },
  progress: ProgressSummary,
): Omit<DashboardRow, 'id'> {
  return {
    name: enrolment.trainee_name,
    stageNumber: enrolment.current_stage,
    supervisorId: enrolment.supervisor_id,
    accredited: enrolment.status === 'accredited',
    accreditationOn: progress.accreditationOn,
    lastActivityOn: progress.lastActivityOn,
    worstSeverity: progress.worstSeverity,
    flagCount: progress.flagCount,
  }
}
