// Gathers the facts the sustainability plan needs for one programme, in a fixed number of queries
// (progress.server does the readiness, forecasts and flags), and hands them to the domain.
import { sustainabilityReport, type SustainabilityReport, type TraineeFacts } from '~/domain/sustainability'
import { groupBy } from '~/utils/collections'
import { today } from '~/utils/dates'
import type { Db } from './db-types'
import type { LedProgramme } from './programme.server'
import { loadCachedProgress, loadProgress } from './progress.server'
import { getRuleSets } from './rule-set.server'

/** The programme's own settings, which the what-if form starts from. */
export interface ReportSettings {
  endsOn: string
  capacityMinutesPerMonth: number
  budgetPence: number
}

export async function loadReportSettings(db: Db, programme: LedProgramme): Promise<ReportSettings> {
  const capacity = await db
    .selectFrom('programme_supervisors')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('capacity_minutes_per_month'), eb.val(0)).as('minutes'))
    .where('programme_id', '=', programme.id)
    .executeTakeFirstOrThrow()
  return { endsOn: programme.funding_ends_on, capacityMinutesPerMonth: Number(capacity.minutes), budgetPence: programme.budget_pence }
}

export async function loadSustainabilityReport(db: Db, programme: LedProgramme, settings: ReportSettings & { asOf: string }): Promise<SustainabilityReport> {
  const [enrolments, stageFees, onProgramme] = await Promise.all([
    db
      .selectFrom('enrolments')
      .innerJoin('users', 'users.id', 'enrolments.trainee_id')
      .select([
        'enrolments.id',
        'enrolments.trainee_id',
        'enrolments.rule_set_id',
        'enrolments.current_stage',
        'enrolments.started_on',
        'enrolments.status',
        'enrolments.completed_on',
        'enrolments.supervisor_id',
        'enrolments.external_accreditor_id',
        'enrolments.registration_paid_on',
        'enrolments.progress_stamp',
        'users.name',
      ])
      .where('enrolments.programme_id', '=', programme.id)
      .orderBy('users.name')
      .orderBy('enrolments.id')
      .execute(),
    db.selectFrom('programme_stage_fees').select(['stage_number', 'fee_pence']).where('programme_id', '=', programme.id).execute(),
    db
      .selectFrom('programme_supervisors')
      .innerJoin('users', 'users.id', 'programme_supervisors.user_id')
      .select(['users.id', 'users.name', 'programme_supervisors.capacity_minutes_per_month'])
      .where('programme_supervisors.programme_id', '=', programme.id)
      .execute(),
  ])
  // A trainee's supervisor may not be listed on the programme: named, with no capacity recorded.
  const listed = new Set(onProgramme.map((s) => s.id))
  const unlisted = [...new Set(enrolments.flatMap((e) => (e.supervisor_id !== null && !listed.has(e.supervisor_id) ? [e.supervisor_id] : [])))]
  const others = unlisted.length ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', unlisted).execute() : []
  // Flags judge the forecast against the end date being planned for, what-if or saved. The saved
  // end date as of today is the cache's (ADR 0022); a what-if date or day is computed afresh, never cached.
  const forProgress = enrolments.map((e) => ({ ...e, funding_ends_on: settings.endsOn }))
  const ids = enrolments.map((e) => e.id)
  const whatIf = settings.endsOn !== programme.funding_ends_on || settings.asOf !== today()
  const [progress, ruleSets, stages] = await Promise.all([
    whatIf ? loadProgress(db, forProgress, settings.asOf) : loadCachedProgress(db, forProgress, settings.asOf),
    getRuleSets(
      db,
      enrolments.map((e) => e.rule_set_id),
    ),
    ids.length ? db.selectFrom('enrolment_stages').select(['enrolment_id', 'stage_number', 'status']).where('enrolment_id', 'in', ids).execute() : [],
  ])
  const stagesOf = groupBy(stages, (s) => s.enrolment_id)
  const trainees: TraineeFacts[] = enrolments.map((e) => {
    const p = progress.get(e.id)!
    return {
      enrolmentId: e.id,
      name: e.name,
      status: e.status,
      ruleSet: ruleSets.get(e.rule_set_id)!,
      currentStage: e.current_stage,
      supervisorId: e.supervisor_id,
      remaining: p.remaining,
      projectedAccreditationOn: p.forecast?.accreditationOn ?? null,
      flags: p.flags.map((f) => ({ severity: f.severity, reason: f.reason })),
      startedStages: (stagesOf.get(e.id) ?? []).map((s) => ({ stageNumber: s.stage_number, recognised: s.status === 'recognised' })),
      registrationPaid: e.registration_paid_on !== null,
    }
  })
  return sustainabilityReport({
    asOf: settings.asOf,
    endsOn: settings.endsOn,
    capacityMinutesPerMonth: settings.capacityMinutesPerMonth,
    // 0 is the programme form's default: "not recorded" (docs/decisions/0021-per-supervisor-capacity.md).
    supervisors: [
      ...onProgramme.map((s) => ({ id: s.id, name: s.name, capacityMinutesPerMonth: s.capacity_minutes_per_month > 0 ? s.capacity_minutes_per_month : null })),
      ...others.map((u) => ({ id: u.id, name: u.name, capacityMinutesPerMonth: null })),
    ],
    budgetPence: settings.budgetPence,
    fees: {
      registrationFeePence: programme.registration_fee_pence,
      stageFeePence: Object.fromEntries(stageFees.map((f) => [f.stage_number, f.fee_pence])),
    },
    trainees,
  })
}
