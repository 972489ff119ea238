// The sustainability plan: what it will take for every trainee still in training to finish, and by
// when (../shared/DOMAIN.md, "The sustainability-plan question"). Pure: the models hand in each
// trainee's remaining work (readiness.remainingWork), projected accreditation (forecast), flags
// (risk), stage history and fees; nothing here reads the clock or the database.
//
// Definitions (docs/decisions/0008-sustainability-plan.md):
// - In training: enrolments that are active or paused. Paused trainees have no projected date.
// - Months: calendar months from the as-of date's month to the end date's month, both counted
//   whole. Demand "to finish by the end date" spreads each trainee's remaining supervision evenly
//   over those months (a trainee who cannot finish in time still counts); demand "at current pace"
//   spreads it evenly from the as-of month to the month of their projected accreditation, and what
//   falls after the end month is reported as one figure.
// - Fees: a stage's fee (the programme's override, else the rule set's) is incurred when the stage
//   starts; the registration fee (programme's, else the rule set's) once registration_paid_on is set.
//   Stages recognised from earlier training were not paid by the programme. Cost to complete = fees
//   of stages not yet started + unpaid registrations, for trainees in training. Budget remaining =
//   budget − fees incurred by every enrolment on the programme (accredited and withdrawn included).
// - Recommendations are sentences built from these numbers only; none when nothing is wrong.
import { pipeline } from './dashboard'
import { formatDate, formatMonth, formatQuarter, maxDate, monthStart, monthsBetween, addMonths, quarterStart, type CalendarDate } from '~/utils/dates'
import { MAX_PLAN_MONTHS } from '~/utils/limits'
import { formatPence } from '~/utils/money'
import { formatHours, type RemainingWork } from './readiness'
import type { Severity } from './risk'
import { stageOf, type RuleSet } from './rule-set'
import { plural } from './wording'

export type EnrolmentStatus = 'active' | 'paused' | 'withdrawn' | 'accredited'

export interface TraineeFacts {
  enrolmentId: number
  name: string
  status: EnrolmentStatus
  ruleSet: RuleSet
  currentStage: number
  remaining: RemainingWork
  /** From the forecast; null when there is none (paused, withdrawn, accredited). */
  projectedAccreditationOn: CalendarDate | null
  flags: { severity: Severity; reason: string }[]
  /** The enrolment's started stages; a recognised stage was not paid for by this programme. */
  startedStages: { stageNumber: number; recognised: boolean }[]
  registrationPaid: boolean
}

export interface ProgrammeFees {
  /** The programme's registration fee, overriding every rule set's; null to use the rule set's. */
  registrationFeePence: number | null
  /** The programme's stage fees by stage number, overriding the rule set's. */
  stageFeePence: Record<number, number>
}

export interface SustainabilityInput {
  asOf: CalendarDate
  endsOn: CalendarDate
  capacityMinutesPerMonth: number
  budgetPence: number
  fees: ProgrammeFees
  trainees: TraineeFacts[]
}

export interface TraineeCost {
  stageFeesPence: number
  registrationPence: number
  totalPence: number
}

export interface TraineeProjection {
  enrolmentId: number
  name: string
  status: 'active' | 'paused'
  stageName: string
  remaining: RemainingWork
  projectedAccreditationOn: CalendarDate | null
  /** Null when there is no projection. */
  finishesByEnd: boolean | null
  flags: { severity: Severity; reason: string }[]
  cost: TraineeCost
}

export interface MonthDemand {
  /** First day of the month. */
  month: CalendarDate
  byEndMinutes: number
  atPaceMinutes: number
  capacityMinutes: number
  overCapacity: boolean
}

export interface QuarterBucket {
  /** First day of the quarter. */
  start: CalendarDate
  label: string
  names: string[]
  containsEnd: boolean
  afterEnd: boolean
}

export interface SustainabilityReport {
  asOf: CalendarDate
  endsOn: CalendarDate
  capacityMinutesPerMonth: number
  headline: {
    enrolled: number
    inTraining: number
    accredited: number
    withdrawn: number
    paused: number
    /** Trainees in training with at least one red flag. */
    atRisk: number
    /** Trainees projected to finish after the end date. */
    finishingLate: number
  }
  pipeline: { label: string; count: number }[]
  trainees: TraineeProjection[]
  totals: RemainingWork & TraineeCost
  demand: {
    months: MonthDemand[]
    monthsOverCapacity: CalendarDate[]
    /** At current pace, supervision that falls after the end month. */
    atPaceAfterEndMinutes: number
    /** Remaining supervision of trainees without a projection (paused). */
    unprojectedMinutes: number
  }
  budget: {
    budgetPence: number
    incurredPence: number
    remainingPence: number
    costToCompletePence: number
    /** Budget remaining minus cost to complete: negative when short. */
    balancePence: number
  }
  quarters: QuarterBucket[]
  /** Names of trainees in training with no projected date. */
  unprojected: string[]
  recommendations: string[]
}

// Fractions of a minute come from spreading; comparisons allow for floating-point dust.
const EPSILON = 1e-6

export function stageFeePence(ruleSet: RuleSet, stageNumber: number, fees: ProgrammeFees): number {
  return fees.stageFeePence[stageNumber] ?? stageOf(ruleSet, stageNumber).feePence
}

export function registrationFeePence(ruleSet: RuleSet, fees: ProgrammeFees): number {
  return fees.registrationFeePence ?? ruleSet.registrationFeePence
}

/** Fees still to pay for one trainee: stages not yet started, and registration if unpaid. */
export function costToComplete(trainee: TraineeFacts, fees: ProgrammeFees): TraineeCost {
  const started = new Set(trainee.startedStages.map((s) => s.stageNumber))
  const stageFeesPence = trainee.ruleSet.stages.filter((s) => !started.has(s.stageNumber)).reduce((sum, s) => sum + stageFeePence(trainee.ruleSet, s.stageNumber, fees), 0)
  const registrationPence = trainee.registrationPaid ? 0 : registrationFeePence(trainee.ruleSet, fees)
  return { stageFeesPence, registrationPence, totalPence: stageFeesPence + registrationPence }
}

/** Fees one enrolment has already cost the programme: started stages (not recognised) and a paid registration. */
export function feesIncurred(trainee: TraineeFacts, fees: ProgrammeFees): number {
  const stages = trainee.startedStages.filter((s) => !s.recognised).reduce((sum, s) => sum + stageFeePence(trainee.ruleSet, s.stageNumber, fees), 0)
  return stages + (trainee.registrationPaid ? registrationFeePence(trainee.ruleSet, fees) : 0)
}

/**
 * The calendar months from `from`'s month to `to`'s month, inclusive (at least `from`'s month, at
 * most MAX_PLAN_MONTHS of them, however far `to` lies).
 */
export function monthsFrom(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const first = monthStart(from)
  const count = Math.min(Math.max(monthsBetween(first, monthStart(to)), 0) + 1, MAX_PLAN_MONTHS)
  return Array.from({ length: count }, (_, i) => addMonths(first, i))
}

export function sustainabilityReport(input: SustainabilityInput): SustainabilityReport {
  const { asOf, endsOn, capacityMinutesPerMonth: capacity, fees } = input
  const inTraining = input.trainees.filter((t) => t.status === 'active' || t.status === 'paused')
  const window = monthsFrom(asOf, endsOn)

  const trainees: TraineeProjection[] = inTraining.map((t) => {
    const projected = t.status === 'active' ? t.projectedAccreditationOn : null
    return {
      enrolmentId: t.enrolmentId,
      name: t.name,
      status: t.status as 'active' | 'paused',
      stageName: stageOf(t.ruleSet, t.currentStage).name,
      remaining: t.remaining,
      projectedAccreditationOn: projected,
      finishesByEnd: projected === null ? null : projected <= endsOn,
      flags: t.flags,
      cost: costToComplete(t, fees),
    }
  })

  // Demand: every trainee's remaining minutes spread evenly, by the end date and at their pace.
  const byEnd = new Map(window.map((m) => [m, 0]))
  const atPace = new Map(window.map((m) => [m, 0]))
  let atPaceAfterEndMinutes = 0
  let unprojectedMinutes = 0
  for (const t of trainees) {
    const minutes = t.remaining.supervisionMinutes
    for (const month of window) byEnd.set(month, byEnd.get(month)! + minutes / window.length)
    if (t.projectedAccreditationOn === null) {
      unprojectedMinutes += minutes
      continue
    }
    const paceMonths = monthsFrom(asOf, t.projectedAccreditationOn)
    for (const month of paceMonths) {
      if (atPace.has(month)) atPace.set(month, atPace.get(month)! + minutes / paceMonths.length)
      else atPaceAfterEndMinutes += minutes / paceMonths.length
    }
  }
  const months: MonthDemand[] = window.map((month) => ({
    month,
    byEndMinutes: byEnd.get(month)!,
    atPaceMinutes: atPace.get(month)!,
    capacityMinutes: capacity,
    overCapacity: byEnd.get(month)! > capacity + EPSILON,
  }))

  const totals = trainees.reduce(
    (sum, t) => ({
      cycles: sum.cycles + t.remaining.cycles,
      newClients: sum.newClients + t.remaining.newClients,
      supervisionMinutes: sum.supervisionMinutes + t.remaining.supervisionMinutes,
      stageFeesPence: sum.stageFeesPence + t.cost.stageFeesPence,
      registrationPence: sum.registrationPence + t.cost.registrationPence,
      totalPence: sum.totalPence + t.cost.totalPence,
    }),
    { cycles: 0, newClients: 0, supervisionMinutes: 0, stageFeesPence: 0, registrationPence: 0, totalPence: 0 },
  )
  const incurredPence = input.trainees.reduce((sum, t) => sum + feesIncurred(t, fees), 0)
  const remainingPence = input.budgetPence - incurredPence
  const budget = {
    budgetPence: input.budgetPence,
    incurredPence,
    remainingPence,
    costToCompletePence: totals.totalPence,
    balancePence: remainingPence - totals.totalPence,
  }

  const report: Omit<SustainabilityReport, 'recommendations'> = {
    asOf,
    endsOn,
    capacityMinutesPerMonth: capacity,
    headline: {
      enrolled: input.trainees.length,
      inTraining: inTraining.length,
      accredited: input.trainees.filter((t) => t.status === 'accredited').length,
      withdrawn: input.trainees.filter((t) => t.status === 'withdrawn').length,
      paused: inTraining.filter((t) => t.status === 'paused').length,
      atRisk: trainees.filter((t) => t.flags.some((f) => f.severity === 'red')).length,
      finishingLate: trainees.filter((t) => t.finishesByEnd === false).length,
    },
    pipeline: pipeline(
      input.trainees
        .filter((t) => t.status !== 'withdrawn')
        .map((t) => ({ stageNumber: t.currentStage, stageName: stageOf(t.ruleSet, t.currentStage).name, accredited: t.status === 'accredited' })),
    ),
    trainees,
    totals: {
      cycles: totals.cycles,
      newClients: totals.newClients,
      supervisionMinutes: totals.supervisionMinutes,
      stageFeesPence: totals.stageFeesPence,
      registrationPence: totals.registrationPence,
      totalPence: totals.totalPence,
    },
    demand: { months, monthsOverCapacity: months.filter((m) => m.overCapacity).map((m) => m.month), atPaceAfterEndMinutes, unprojectedMinutes },
    budget,
    quarters: quarters(trainees, asOf, endsOn),
    unprojected: trainees.filter((t) => t.projectedAccreditationOn === null).map((t) => t.name),
  }
  return { ...report, recommendations: recommendations(report, window) }
}

/** Projected accreditations per calendar quarter, from the as-of quarter to the later of the end date and the last projection. */
function quarters(trainees: TraineeProjection[], asOf: CalendarDate, endsOn: CalendarDate): QuarterBucket[] {
  const projected = trainees.filter((t) => t.projectedAccreditationOn !== null)
  const first = quarterStart(asOf)
  const last = quarterStart(maxDate(endsOn, asOf, ...projected.map((t) => t.projectedAccreditationOn))!)
  const endQuarter = quarterStart(endsOn)
  const buckets: QuarterBucket[] = []
  for (let start = first, n = 0; start <= last && n < MAX_PLAN_MONTHS / 3; start = addMonths(start, 3), n++) {
    buckets.push({
      start,
      label: formatQuarter(start),
      names: projected.filter((t) => quarterStart(maxDate(t.projectedAccreditationOn, asOf)!) === start).map((t) => t.name),
      containsEnd: start === endQuarter,
      afterEnd: start > endsOn,
    })
  }
  return buckets
}

/** Whole hours, rounded up: a plan must not promise less supervision than the maths needs. */
function hoursUp(minutes: number): number {
  return Math.ceil(minutes / 60 - EPSILON)
}

function hoursText(minutes: number): string {
  return formatHours(Math.round(minutes))
}

function recommendations(report: Omit<SustainabilityReport, 'recommendations'>, window: CalendarDate[]): string[] {
  const { asOf, endsOn, capacityMinutesPerMonth: capacity, demand, budget, trainees } = report
  const found: string[] = []
  const end = formatDate(endsOn)
  const span = `${plural(window.length, 'month')} from ${formatMonth(window[0])} to ${formatMonth(window[window.length - 1])}`

  if (endsOn < asOf) {
    found.push(
      `The end date, ${end}, is before the as-of date, ${formatDate(asOf)}: all the remaining work is counted in ${formatMonth(window[0])}. Choose the date the training must now finish by.`,
    )
  }

  const late = trainees.filter((t) => t.finishesByEnd === false)
  if (late.length > 0) {
    const who = late.map((t) => `${t.name} (projected ${formatDate(t.projectedAccreditationOn)})`).join(', ')
    // Per late trainee: their minutes a month to finish by the end date, less their minutes a month at their pace.
    const extra = late.reduce((sum, t) => {
      const paceMonths = monthsFrom(asOf, t.projectedAccreditationOn!).length
      return sum + t.remaining.supervisionMinutes / window.length - t.remaining.supervisionMinutes / paceMonths
    }, 0)
    const cycles = late.reduce((sum, t) => sum + t.remaining.cycles, 0)
    const needs =
      extra > EPSILON
        ? ` Finishing them by then needs ${plural(hoursUp(extra), 'more supervision hour')} a month from ${formatMonth(window[0])} than at their current pace, and ${plural(cycles, 'cycle')} between them in ${plural(window.length, 'month')}.`
        : cycles > 0
          ? ` Finishing them by then needs ${plural(cycles, 'cycle')} between them in ${plural(window.length, 'month')}.`
          : ''
    found.push(`${plural(late.length, 'trainee')} cannot finish before ${end} at their current pace: ${who}.${needs}`)
  }

  if (demand.monthsOverCapacity.length > 0) {
    const needed = Math.max(...demand.months.map((m) => m.byEndMinutes))
    const total = trainees.reduce((sum, t) => sum + t.remaining.supervisionMinutes, 0)
    if (capacity <= 0) {
      found.push(
        `No supervision capacity is recorded for this programme, and finishing everyone by ${end} needs ${hoursText(needed)} of supervision a month (${hoursText(total)} in all). Record each supervisor's monthly capacity.`,
      )
    } else {
      const monthsAtCapacity = Math.ceil(total / capacity - EPSILON)
      found.push(
        `Finishing everyone by ${end} needs ${hoursText(needed)} of supervision a month against the supervisors' capacity of ${hoursText(capacity)} a month: ${plural(hoursUp(needed - capacity), 'hour')} a month short in each of the ${span}. ` +
          `Either add ${plural(hoursUp(needed - capacity), 'hour')} a month of supervisor time, or plan for ${plural(monthsAtCapacity, 'month')} of supervision at the present capacity, to ${formatMonth(addMonths(window[0], monthsAtCapacity - 1))}.`,
      )
    }
  } else {
    const busy = demand.months.filter((m) => m.atPaceMinutes > capacity + EPSILON)
    if (busy.length > 0) {
      const peak = Math.max(...busy.map((m) => m.atPaceMinutes))
      found.push(
        `At their current pace the trainees need more supervision than the capacity of ${hoursText(capacity)} a month in ${busy.map((m) => formatMonth(m.month)).join(', ')} (up to ${hoursText(peak)}): book those sessions early, or spread them into quieter months before ${end}.`,
      )
    }
  }

  if (budget.balancePence < 0) {
    const incurredOver = budget.remainingPence < 0 ? ` Fees already paid exceed the budget by ${formatPence(-budget.remainingPence)}.` : ''
    found.push(
      `Finishing costs ${formatPence(budget.costToCompletePence)} in fees (${formatPence(report.totals.stageFeesPence)} stage fees, ${formatPence(report.totals.registrationPence)} registration) against ${formatPence(Math.max(budget.remainingPence, 0))} of budget left: ${formatPence(-budget.balancePence)} short.${incurredOver}`,
    )
  }

  const paused = trainees.filter((t) => t.status === 'paused')
  if (paused.length > 0) {
    const minutes = paused.reduce((sum, t) => sum + t.remaining.supervisionMinutes, 0)
    const cycles = paused.reduce((sum, t) => sum + t.remaining.cycles, 0)
    found.push(
      `${plural(paused.length, 'trainee is', 'trainees are')} paused (${paused.map((t) => t.name).join(', ')}) with ${hoursText(minutes)} of supervision and ${plural(cycles, 'cycle')} still to do: they count in the demand to finish by ${end} but have no projected date. Agree a restart date with ${paused.length === 1 ? 'them' : 'each of them'}.`,
    )
  }
  return found
}
