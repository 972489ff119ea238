// Projected completion dates: when the current stage and the final stage (accreditation) are
// likely to finish. Pathway rule: about 6 months a stage (AVIGuk; each stage's expectedMonths in
// the rule set, 9 in the earlier model). Numbers come from the rule set and the trainee's own
// evidence; nothing here reads the clock.
//
// How the current stage is projected, in order:
// 1. ready, or its cycles and supervision all done: it completes today (what is left is an
//    introduction session or a reflection, not measurable work);
// 2. recent pace, when every kind of work still needed (cycles, supervision) has at least
//    MIN_EVENTS_FOR_PACE events in the pace window: the slower of remaining cycles at the cycle
//    pace and remaining minutes at the supervision pace decides;
// 3. otherwise the stage's expected length: its expected end, or, if later, today plus the
//    expected length scaled by the share of the stage's work still to do (a stalled stage must not
//    be forecast to finish today just because the calendar passed its expected end).
// Later stages take their expected length each: pace in one stage says little about finding new
// clients and an introduction session for the next.
import { addDays, addMonths, daysBetween, maxDate, type CalendarDate } from '~/utils/dates'
import { overallProgress, stageReadiness, workRequirements, type StageEvidence, type StageReadiness } from './readiness'
import { stageOf, type RuleSet, type StageRequirements } from './rule-set'
import { plural } from './wording'

/** Two events are the fewest that show a pace rather than a one-off. */
export const MIN_EVENTS_FOR_PACE = 2

export interface ForecastInput {
  ruleSet: RuleSet
  currentStage: number
  stageStartedOn: CalendarDate
  evidence: StageEvidence
  today: CalendarDate
  paceWindowDays?: number
}

export type ForecastBasis = 'stage_work_done' | 'recent_pace' | 'expected_length'

export interface EnrolmentForecast {
  stageCompletesOn: CalendarDate
  /** Completion of the rule set's final stage. */
  accreditationOn: CalendarDate
  basis: ForecastBasis
  /** The basis in words, e.g. 'at your pace over the last 90 days, then 6 months for each later stage'. */
  basisText: string
}

interface StageShortfall {
  /** Each missing new client needs at least one more cycle, so this is never below that. */
  cycles: number
  supervisionMinutes: number
}

export function forecastEnrolment({ ruleSet, currentStage, stageStartedOn, evidence, today, paceWindowDays = 90 }: ForecastInput): EnrolmentForecast {
  const stage = stageOf(ruleSet, currentStage)
  const laterStages = ruleSet.stages.filter((s) => s.stageNumber > currentStage)
  const readiness = stageReadiness(ruleSet, currentStage, evidence)
  const projection = projectCurrentStage(stage, stageStartedOn, readiness, evidence, today, paceWindowDays)
  const accreditationOn = laterStages.reduce((date, s) => addMonths(date, s.expectedMonths), projection.completesOn)
  return {
    stageCompletesOn: projection.completesOn,
    accreditationOn,
    basis: projection.basis,
    basisText: describeBasis(projection.basis, stage, laterStages, readiness.ready, paceWindowDays),
  }
}

function projectCurrentStage(
  stage: StageRequirements,
  stageStartedOn: CalendarDate,
  readiness: StageReadiness,
  evidence: StageEvidence,
  today: CalendarDate,
  paceWindowDays: number,
): { basis: ForecastBasis; completesOn: CalendarDate } {
  if (readiness.ready) return { basis: 'stage_work_done', completesOn: today }
  // A stage with no measurable work (the course) has no pace to measure.
  if (workRequirements(readiness).length > 0) {
    const shortfall = stageShortfall(readiness)
    if (shortfall.cycles === 0 && shortfall.supervisionMinutes === 0) return { basis: 'stage_work_done', completesOn: today }
    const daysAtPace = daysAtRecentPace(evidence, shortfall, today, paceWindowDays)
    if (daysAtPace !== null) return { basis: 'recent_pace', completesOn: addDays(today, daysAtPace) }
  }
  return { basis: 'expected_length', completesOn: expectedCompletion(stage, stageStartedOn, readiness, today) }
}

function stageShortfall(readiness: StageReadiness): StageShortfall {
  const short = (key: string) => {
    const r = readiness.requirements.find((req) => req.key === key)
    return r ? Math.max(r.required - r.done, 0) : 0
  }
  return { cycles: Math.max(short('cycles'), short('new_clients')), supervisionMinutes: short('supervision') }
}

/** Days to finish at the trainee's pace over the window, or null when there is too little history. */
function daysAtRecentPace(evidence: StageEvidence, shortfall: StageShortfall, today: CalendarDate, windowDays: number): number | null {
  // The window is the last `windowDays` days up to and including today.
  const inWindow = (date: CalendarDate) => {
    const ago = daysBetween(date, today)
    return ago >= 0 && ago < windowDays
  }
  // Pace is the trainee's, whatever stage the work counted in.
  const cycles = evidence.cycles.filter((c) => c.reviewedOn !== null && c.stageNumber !== null && inWindow(c.reviewedOn)).length
  const sessions = evidence.supervision.filter((s) => s.status === 'confirmed' && inWindow(s.heldOn))
  const minutes = sessions.reduce((sum, s) => sum + s.minutes, 0)

  if (shortfall.cycles > 0 && cycles < MIN_EVENTS_FOR_PACE) return null
  if (shortfall.supervisionMinutes > 0 && sessions.length < MIN_EVENTS_FOR_PACE) return null
  const cycleDays = shortfall.cycles > 0 ? Math.ceil((shortfall.cycles * windowDays) / cycles) : 0
  const supervisionDays = shortfall.supervisionMinutes > 0 ? Math.ceil((shortfall.supervisionMinutes * windowDays) / minutes) : 0
  return Math.max(cycleDays, supervisionDays)
}

function expectedCompletion(stage: StageRequirements, stageStartedOn: CalendarDate, readiness: StageReadiness, today: CalendarDate): CalendarDate {
  const expectedEnd = addMonths(stageStartedOn, stage.expectedMonths)
  const shareLeft = workRequirements(readiness).length > 0 ? 1 - overallProgress(readiness) : 0
  const fullLengthFromToday = daysBetween(today, addMonths(today, stage.expectedMonths))
  const fromToday = addDays(today, Math.ceil(shareLeft * fullLengthFromToday))
  return maxDate(expectedEnd, fromToday) ?? fromToday
}

function describeBasis(basis: ForecastBasis, stage: StageRequirements, laterStages: StageRequirements[], ready: boolean, paceWindowDays: number): string {
  if (basis === 'expected_length') {
    const months = new Set([stage, ...laterStages].map((s) => s.expectedMonths))
    return months.size === 1 ? `from the expected ${plural(stage.expectedMonths, 'month')} a stage` : "from each stage's expected length"
  }
  const current =
    basis === 'recent_pace'
      ? `at your pace over the last ${plural(paceWindowDays, 'day')}`
      : ready
        ? `${stage.name} is ready for sign-off`
        : `the cycles and supervision for ${stage.name} are done`
  return laterStages.length > 0 ? `${current}, then ${laterStagesText(laterStages)}` : current
}

function laterStagesText(laterStages: StageRequirements[]): string {
  const months = new Set(laterStages.map((s) => s.expectedMonths))
  if (months.size > 1) return "each later stage's expected length"
  const length = plural(laterStages[0].expectedMonths, 'month')
  return laterStages.length === 1 ? `${length} for the final stage` : `${length} for each later stage`
}
