// The sustainability plan: what it will take for every trainee still in training to finish, and by
// when (../shared/DOMAIN.md, "The sustainability-plan question"). Pure: the models hand in each
// trainee's remaining work (readiness.remainingWork), projected accreditation (forecast), flags
// (risk), stage history and fees; nothing here reads the clock or the database.
//
// Definitions (docs/decisions/0008-sustainability-plan.md):
// - In training: enrolments that are active or paused. Paused trainees have no projected date.
// - Months: calendar months from the as-of date's month to the end date's month. The as-of month
//   counts only for its calendar days still to come, the as-of day included (16 Nov of 30 days
//   counts as half a month); later months count whole. Demand "to finish by the end date" spreads
//   each trainee's remaining supervision over those months in proportion to what each month counts
//   for (a trainee who cannot finish in time still counts); capacity in the as-of month is pro rata
//   the same way. Demand "at current pace" spreads it the same way from the as-of month to the month
//   of their projected accreditation, and what falls after the end month is reported as one figure.
// - Per supervisor: each trainee's demand falls on their supervisor; each supervisor's demand is
//   weighed against their own monthly capacity (programme_supervisors), never against the pool, so
//   one overloaded supervisor is not hidden by another's spare hours. A capacity of 0 is taken as
//   "not recorded" (the programme form's default) and shown as such, not as an overload.
// - Fees: a stage's fee (the programme's override, else the rule set's) is incurred when the stage
//   starts; the registration fee (programme's, else the rule set's) once registration_paid_on is set.
//   Stages recognised from earlier training were not paid by the programme. Cost to complete = fees
//   of stages not yet started + unpaid registrations, for trainees in training. Budget remaining =
//   budget − fees incurred by every enrolment on the programme (accredited and withdrawn included).
// - Recommendations are sentences built from these numbers only; none when nothing is wrong.
import { pipeline } from './dashboard'
import { formatDate, formatMonth, formatQuarter, maxDate, monthShareLeft, monthStart, monthsBetween, addMonths, quarterStart, type CalendarDate } from '~/utils/dates'
import { MAX_PLAN_MONTHS } from '~/utils/limits'
import { formatPence } from '~/utils/money'
import { formatHours, type RemainingWork } from './readiness'
import type { Severity } from './risk'
import { stageOf, type RuleSet } from './rule-set'
import { plural, someNames } from './wording'

export type EnrolmentStatus = 'active' | 'paused' | 'withdrawn' | 'accredited'

export interface TraineeFacts {
  enrolmentId: number
  name: string
  status: EnrolmentStatus
  ruleSet: RuleSet
  currentStage: number
  /** The trainee's supervisor (a user id); null when none is assigned. */
  supervisorId: number | null
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

/** A supervisor on the programme, or supervising one of its trainees. */
export interface SupervisorFacts {
  id: number
  name: string
  /** Minutes of supervision a full month they can give this programme; null when not recorded. */
  capacityMinutesPerMonth: number | null
}

export interface SustainabilityInput {
  asOf: CalendarDate
  endsOn: CalendarDate
  /** All supervisors together, minutes a full month (the programme's sum, or a what-if). */
  capacityMinutesPerMonth: number
  supervisors: SupervisorFacts[]
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
  /** What the month counts for: below 1 for the as-of month (its days left), else 1. */
  share: number
  byEndMinutes: number
  atPaceMinutes: number
  capacityMinutes: number
  overCapacity: boolean
}

export interface SupervisorMonth {
  month: CalendarDate
  byEndMinutes: number
  atPaceMinutes: number
  /** Null when the supervisor's capacity is not recorded. */
  capacityMinutes: number | null
  overCapacity: boolean
}

export interface SupervisorLoad {
  /** Null for the trainees with no supervisor assigned. */
  supervisorId: number | null
  name: string
  trainees: { name: string; minutesPerMonth: number }[]
  /** A full month's capacity; null when not recorded. */
  capacityMinutesPerMonth: number | null
  /** Supervision a full month needed to finish their trainees by the end date. */
  neededMinutesPerMonth: number
  /** Needed a full month above capacity; 0 when within it or capacity is not recorded. */
  shortMinutesPerMonth: number
  months: SupervisorMonth[]
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
    /** Each supervisor's trainees against their own capacity (those with none assigned last). */
    supervisors: SupervisorLoad[]
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

  const spread = spreadDemand(trainees, asOf, window)
  const months: MonthDemand[] = spread.months.map((m) => {
    const capacityMinutes = capacity * m.share
    return { ...m, capacityMinutes, overCapacity: m.byEndMinutes > capacityMinutes + EPSILON }
  })
  const { atPaceAfterEndMinutes, unprojectedMinutes } = spread
  const supervisors = supervisorLoads(input.supervisors, inTraining, trainees, asOf, window)

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
    demand: { months, supervisors, monthsOverCapacity: months.filter((m) => m.overCapacity).map((m) => m.month), atPaceAfterEndMinutes, unprojectedMinutes },
    budget,
    quarters: quarters(trainees, asOf, endsOn),
    unprojected: trainees.filter((t) => t.projectedAccreditationOn === null).map((t) => t.name),
  }
  return { ...report, recommendations: recommendations(report, window) }
}

/** What each month counts for: the as-of month its share of days left, later months 1. */
export function monthShares(asOf: CalendarDate, months: CalendarDate[]): number[] {
  const first = monthStart(asOf)
  return months.map((m) => (m === first ? monthShareLeft(asOf) : 1))
}

/**
 * Trainees' remaining supervision spread over the window's months in proportion to each month's
 * share: by the end date, and at each trainee's pace (to the month of their projected accreditation;
 * what falls after the window is one figure). Minutes, with fractions kept.
 */
export function spreadDemand(
  trainees: Pick<TraineeProjection, 'remaining' | 'projectedAccreditationOn'>[],
  asOf: CalendarDate,
  window: CalendarDate[],
): { months: { month: CalendarDate; share: number; byEndMinutes: number; atPaceMinutes: number }[]; atPaceAfterEndMinutes: number; unprojectedMinutes: number } {
  const shares = monthShares(asOf, window)
  const windowWeight = shares.reduce((a, b) => a + b, 0)
  const byEnd = window.map(() => 0)
  const atPace = new Map(window.map((m) => [m, 0]))
  let atPaceAfterEndMinutes = 0
  let unprojectedMinutes = 0
  for (const t of trainees) {
    const minutes = t.remaining.supervisionMinutes
    shares.forEach((share, i) => (byEnd[i] += (minutes * share) / windowWeight))
    if (t.projectedAccreditationOn === null) {
      unprojectedMinutes += minutes
      continue
    }
    const paceMonths = monthsFrom(asOf, t.projectedAccreditationOn)
    const paceShares = monthShares(asOf, paceMonths)
    const paceWeight = paceShares.reduce((a, b) => a + b, 0)
    paceMonths.forEach((month, i) => {
      const part = (minutes * paceShares[i]) / paceWeight
      if (atPace.has(month)) atPace.set(month, atPace.get(month)! + part)
      else atPaceAfterEndMinutes += part
    })
  }
  return {
    months: window.map((month, i) => ({ month, share: shares[i], byEndMinutes: byEnd[i], atPaceMinutes: atPace.get(month)! })),
    atPaceAfterEndMinutes,
    unprojectedMinutes,
  }
}

/** Full months in the window: the as-of month's share plus every later month (2.5 from 16 Nov to 31 Jan). */
export function windowMonths(asOf: CalendarDate, window: CalendarDate[]): number {
  return monthShares(asOf, window).reduce((a, b) => a + b, 0)
}

/**
 * Each supervisor's trainees in training, their demand by month against the supervisor's own
 * capacity (pro rata in the as-of month). Supervisors on the programme with no trainee are listed
 * too (their spare hours matter); trainees with no supervisor are grouped last as "No supervisor".
 */
function supervisorLoads(supervisors: SupervisorFacts[], facts: TraineeFacts[], trainees: TraineeProjection[], asOf: CalendarDate, window: CalendarDate[]): SupervisorLoad[] {
  const full = windowMonths(asOf, window)
  const byId = new Map(supervisors.map((s) => [s.id, s]))
  const ids = [...new Set([...supervisors.map((s) => s.id), ...facts.map((f) => f.supervisorId)])]
  const loads = ids.map((id): SupervisorLoad => {
    const theirs = trainees.filter((_, i) => facts[i].supervisorId === id)
    const supervisor = id === null ? null : byId.get(id)
    const recorded = supervisor?.capacityMinutesPerMonth
    const capacity = recorded && recorded > 0 ? recorded : null
    const spread = spreadDemand(theirs, asOf, window)
    const needed = theirs.reduce((sum, t) => sum + t.remaining.supervisionMinutes, 0) / full
    return {
      supervisorId: id,
      name: id === null ? 'No supervisor' : (supervisor?.name ?? `Supervisor ${id}`),
      trainees: theirs.map((t) => ({ name: t.name, minutesPerMonth: t.remaining.supervisionMinutes / full })),
      capacityMinutesPerMonth: capacity,
      neededMinutesPerMonth: needed,
      shortMinutesPerMonth: capacity === null ? 0 : Math.max(needed - capacity, 0),
      months: spread.months.map((m) => {
        const capacityMinutes = capacity === null ? null : capacity * m.share
        return {
          month: m.month,
          byEndMinutes: m.byEndMinutes,
          atPaceMinutes: m.atPaceMinutes,
          capacityMinutes,
          overCapacity: capacityMinutes !== null && m.byEndMinutes > capacityMinutes + EPSILON,
        }
      }),
    }
  })
  return loads.sort((a, b) => (a.supervisorId === null ? 1 : 0) - (b.supervisorId === null ? 1 : 0) || a.name.localeCompare(b.name))
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

/**
 * Sentences from each supervisor's own figures: for a supervisor whose trainees need more than
 * their capacity, move one trainee to a supervisor with enough spare hours when one fits (the
 * smallest move that clears the shortfall), else add the missing hours; a supervisor with trainees
 * and no capacity recorded, and trainees with no supervisor, are named so they can be put right.
 */
export function supervisorRecommendations(loads: SupervisorLoad[], end: string): string[] {
  const found: string[] = []
  const spare = new Map(loads.filter((l) => l.supervisorId !== null && l.capacityMinutesPerMonth !== null).map((l) => [l, l.capacityMinutesPerMonth! - l.neededMinutesPerMonth]))
  const figures = (l: SupervisorLoad, needed = l.neededMinutesPerMonth) => `${hoursText(needed)} needed, ${hoursText(l.capacityMinutesPerMonth!)} available a month`
  for (const load of loads) {
    if (load.supervisorId === null || load.shortMinutesPerMonth <= EPSILON) continue
    const moves = load.trainees
      .filter((t) => t.minutesPerMonth + EPSILON >= load.shortMinutesPerMonth)
      .flatMap((t) => [...spare].filter(([other, room]) => other !== load && room + EPSILON >= t.minutesPerMonth).map(([other, room]) => ({ trainee: t, to: other, room })))
      .sort((a, b) => a.trainee.minutesPerMonth - b.trainee.minutesPerMonth || b.room - a.room)
    const move = moves[0]
    if (move) {
      found.push(
        `Move ${move.trainee.name} (${hoursText(move.trainee.minutesPerMonth)} a month) from ${load.name} (${figures(load)}) to ${move.to.name} (${figures(move.to, move.to.capacityMinutesPerMonth! - move.room)}): both then have enough time to finish their trainees by ${end}.`,
      )
      spare.set(move.to, move.room - move.trainee.minutesPerMonth)
      spare.set(load, spare.get(load)! + move.trainee.minutesPerMonth)
    } else {
      found.push(
        `Add ${hoursText(Math.max(Math.round(load.neededMinutesPerMonth) - load.capacityMinutesPerMonth!, 1))} a month for ${load.name} (${figures(load)}): their trainees (${someNames(load.trainees.map((t) => t.name))}) cannot all finish by ${end} in the time they have, and no other supervisor has the spare hours to take one of them.`,
      )
    }
  }
  for (const load of loads) {
    if (load.trainees.length === 0) continue
    if (load.supervisorId === null) {
      found.push(
        `${plural(load.trainees.length, 'trainee has', 'trainees have')} no supervisor (${someNames(load.trainees.map((t) => t.name))}), needing ${hoursText(load.neededMinutesPerMonth)} of supervision a month between them: assign one.`,
      )
    } else if (load.capacityMinutesPerMonth === null) {
      found.push(
        `No monthly capacity is recorded for ${load.name}, whose trainees (${someNames(load.trainees.map((t) => t.name))}) need ${hoursText(load.neededMinutesPerMonth)} of supervision a month to finish by ${end}. Record it in the programme’s details.`,
      )
    }
  }
  return found
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

  const full = windowMonths(asOf, window)
  const late = trainees.filter((t) => t.finishesByEnd === false)
  if (late.length > 0) {
    const who = someNames(late.map((t) => `${t.name} (projected ${formatDate(t.projectedAccreditationOn)})`))
    // Per late trainee: their minutes a full month to finish by the end date, less their minutes a full month at their pace.
    const extra = late.reduce((sum, t) => {
      const paceMonths = windowMonths(asOf, monthsFrom(asOf, t.projectedAccreditationOn!))
      return sum + t.remaining.supervisionMinutes / full - t.remaining.supervisionMinutes / paceMonths
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

  found.push(...supervisorRecommendations(demand.supervisors, end))

  const total = trainees.reduce((sum, t) => sum + t.remaining.supervisionMinutes, 0)
  if (demand.monthsOverCapacity.length > 0) {
    const needed = total / full
    if (capacity <= 0) {
      found.push(
        `No supervision capacity is recorded for this programme, and finishing everyone by ${end} needs ${hoursText(needed)} of supervision a month (${hoursText(total)} in all). Record each supervisor's monthly capacity.`,
      )
    } else {
      // The as-of month gives only its share of a month's capacity; whole months after it.
      const firstMonth = capacity * demand.months[0].share
      const monthsAtCapacity = 1 + Math.max(Math.ceil((total - firstMonth) / capacity - EPSILON), 0)
      found.push(
        `Finishing everyone by ${end} needs ${hoursText(needed)} of supervision a month against the supervisors’ capacity of ${hoursText(capacity)} a month: ${plural(hoursUp(needed - capacity), 'hour')} a month short in each of the ${span}. ` +
          `Either add ${plural(hoursUp(needed - capacity), 'hour')} a month of supervisor time, or plan for ${plural(monthsAtCapacity, 'month')} of supervision at the present capacity, to ${formatMonth(addMonths(window[0], monthsAtCapacity - 1))}.`,
      )
    }
  } else {
    const busy = demand.months.filter((m) => m.atPaceMinutes > m.capacityMinutes + EPSILON)
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
      `${plural(paused.length, 'trainee is', 'trainees are')} paused (${someNames(paused.map((t) => t.name))}) with ${hoursText(minutes)} of supervision and ${plural(cycles, 'cycle')} still to do: they count in the demand to finish by ${end} but have no projected date. Agree a restart date with ${paused.length === 1 ? 'them' : 'each of them'}.`,
    )
  }
  return found
}
