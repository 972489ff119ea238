// Explainable risk flags for one enrolment: the reasons trainees fail to complete VIG training
// (no supervision, no cycles, no suitable clients, stages dragging on, funding ending first,
// waiting on a supervisor or external accreditor, recordings kept too long), each turned into a
// flag that says why in numbers, what to do next, and who must do it. Thresholds are the rule
// set's RiskThresholds (defaults from ../shared/DOMAIN.md: 8 weeks without supervision or a
// cycle, about 6 months a stage); no published maximum exists, so they are data, not code.
//
// Conventions shared by every rule:
// - a threshold is reached ON the day: 'a concern from 8 weeks' flags at exactly 8 weeks (56 days);
// - tiered rules turn red at double the amber threshold, except overrun (overrunRedMonths later);
// - a stage's clock starts at the later of its start and the enrolment's start, so a stage begun
//   today, or a trainee who joined part-way (earlier stages recognised), is not flagged for time
//   before they were here; gaps run from the later of the last event and that clock start;
// - rules about the trainee's own work stay quiet once the stage is ready: then the wait is on
//   someone else, and the waiting rules say so.
import { addMonths, daysBetween, formatDate, monthsBetween, type CalendarDate } from '~/utils/dates'
import { overallProgress, workRequirements, type Requirement, type StageReadiness } from './readiness'
import { stageOf, type RuleSet, type StageRequirements } from './rule-set'
import { minutesInWords, plural } from './wording'

/** Behind pace is judged only once this share of a stage's expected time has passed. */
export const MIN_TIME_SHARE_FOR_PACE = 0.25

/** Every flag the risk rules can raise (a concern names one). */
export const FLAG_CODES = [
  'supervision_gap',
  'cycle_gap',
  'stage_overrun',
  'behind_pace',
  'funding_ends_first',
  'no_supervisor',
  'no_accreditor',
  'no_consenting_client',
  'session_unconfirmed',
  'reflection_unread',
  'sign_off_waiting',
  'accreditation_waiting',
  'recordings_overdue',
  'recordings_due_soon',
] as const

export type FlagCode = (typeof FLAG_CODES)[number]

export type Severity = 'amber' | 'red'
export type Actor = 'trainee' | 'supervisor' | 'accreditor' | 'lead'

export interface Flag {
  code: FlagCode
  severity: Severity
  /** Why, with the numbers: 'No confirmed supervision for 9 weeks, since 2 Jan 2026 (a concern from 8 weeks, urgent from 16)'. */
  reason: string
  /** What to do about it, addressed to the actor. */
  nextStep: string
  /** Who must act. */
  actor: Actor
}

/** What the risk rules need to know about one enrolment, gathered by the models. */
export interface EnrolmentFacts {
  enrolmentStartedOn: CalendarDate
  currentStage: number
  stageStartedOn: CalendarDate
  lastConfirmedSupervisionOn: CalendarDate | null
  lastCompletedCycleOn: CalendarDate | null
  /** Readiness of the current stage. */
  readiness: StageReadiness
  forecastAccreditationOn: CalendarDate | null
  fundingEndsOn: CalendarDate | null
  supervisorAssigned: boolean
  accreditorAssigned: boolean
  /** Clients with supervision consent not withdrawn and work not ended. */
  clientsWithConsent: number
  /** Held on date of the oldest session waiting for the supervisor to confirm. */
  oldestPendingSessionOn: CalendarDate | null
  /** Submitted date of the oldest reflection the supervisor has not yet given feedback on. */
  oldestUnreadReflectionOn: CalendarDate | null
  /** The current stage has been ready for sign-off since this date (not yet signed off). */
  readyForSignOffSince: CalendarDate | null
  /** The current stage was signed off on this date and waits for external accreditation. */
  awaitingAccreditationSince: CalendarDate | null
  /** Erasure due dates of clients whose recordings are not yet erased. */
  recordingErasureDueDates: CalendarDate[]
}

export function riskFlags(facts: EnrolmentFacts, ruleSet: RuleSet, today: CalendarDate): Flag[] {
  const stage = stageOf(ruleSet, facts.currentStage)
  const context: RuleContext = {
    facts,
    thresholds: ruleSet.thresholds,
    stage,
    clock: stageClock(facts, stage),
    today,
  }
  const flags = rules.flatMap((rule) => rule(context) ?? [])
  // Red first; within a severity, the order of the rules below (a stable sort keeps it).
  return flags.sort((a, b) => Number(b.severity === 'red') - Number(a.severity === 'red'))
}

interface RuleContext {
  facts: EnrolmentFacts
  thresholds: RuleSet['thresholds']
  stage: StageRequirements
  clock: { startedOn: CalendarDate; label: string }
  today: CalendarDate
}

type Rule = (context: RuleContext) => Flag | null

const rules: Rule[] = [
  supervisionGap,
  cycleGap,
  stageOverrun,
  behindPace,
  fundingEndsFirst,
  noSupervisor,
  noAccreditor,
  noConsentingClient,
  sessionUnconfirmed,
  reflectionUnread,
  signOffWaiting,
  accreditationWaiting,
  recordingsOverdue,
  recordingsDueSoon,
]

function supervisionGap({ facts, thresholds, stage, clock, today }: RuleContext): Flag | null {
  if (!openRequirement(facts.readiness, 'supervision')) return null
  return gapFlag({
    code: 'supervision_gap',
    lastOn: facts.lastConfirmedSupervisionOn,
    clock,
    today,
    amberWeeks: thresholds.supervisionGapWeeks,
    nothing: 'No confirmed supervision',
    nextStep: (weeks, sinceLast) =>
      sinceLast
        ? `Book a supervision session: the last confirmed one was ${plural(weeks, 'week')} ago`
        : `Book your first ${stage.name} supervision session: ${clock.label} ${plural(weeks, 'week')} ago`,
  })
}

function cycleGap({ facts, thresholds, stage, clock, today }: RuleContext): Flag | null {
  if (!openRequirement(facts.readiness, 'cycles') && !openRequirement(facts.readiness, 'new_clients')) return null
  return gapFlag({
    code: 'cycle_gap',
    lastOn: facts.lastCompletedCycleOn,
    clock,
    today,
    amberWeeks: thresholds.cycleGapWeeks,
    nothing: 'No completed cycle',
    nextStep: (weeks, sinceLast) =>
      sinceLast
        ? `Film a client and hold the shared review: your last cycle was completed ${plural(weeks, 'week')} ago`
        : `Film your first ${stage.name} cycle and hold its shared review: ${clock.label} ${plural(weeks, 'week')} ago`,
  })
}

function stageOverrun({ facts, thresholds, stage, clock, today }: RuleContext): Flag | null {
  if (facts.readiness.ready) return null
  const expectedEnd = addMonths(clock.startedOn, stage.expectedMonths)
  const redFrom = addMonths(clock.startedOn, stage.expectedMonths + thresholds.overrunRedMonths)
  if (daysBetween(expectedEnd, today) < 0) return null
  const severity = daysBetween(redFrom, today) >= 0 ? 'red' : 'amber'
  const open = wholeMonthsBetween(clock.startedOn, today)
  const redMonths = stage.expectedMonths + thresholds.overrunRedMonths
  return {
    code: 'stage_overrun',
    severity,
    reason: `${stage.name} has been open ${plural(open, 'month')}, past its expected ${plural(stage.expectedMonths, 'month')} (a concern from ${stage.expectedMonths} months, urgent from ${redMonths})`,
    nextStep: `Meet the trainee and their supervisor to agree protected time and a date to finish ${stage.name}`,
    actor: 'lead',
  }
}

function behindPace({ facts, thresholds, stage, clock, today }: RuleContext): Flag | null {
  if (facts.readiness.ready || workRequirements(facts.readiness).length === 0) return null
  const expectedDays = daysBetween(clock.startedOn, addMonths(clock.startedOn, stage.expectedMonths))
  const timeShare = daysBetween(clock.startedOn, today) / expectedDays
  // Past the expected length the overrun rule speaks instead.
  if (timeShare < MIN_TIME_SHARE_FOR_PACE || timeShare >= 1) return null
  const workShare = overallProgress(facts.readiness)
  if (workShare >= thresholds.behindPaceRatio * timeShare) return null
  return {
    code: 'behind_pace',
    severity: 'amber',
    reason: `${percent(workShare)} of ${stage.name}'s work done with ${percent(timeShare)} of its expected ${plural(stage.expectedMonths, 'month')} gone (a concern below ${percent(thresholds.behindPaceRatio)} of the expected pace)`,
    nextStep: `Plan the rest of ${stage.name} with your supervisor: ${workRequirements(facts.readiness)
      .flatMap((r) => r.missing ?? [])
      .join(', ')}`,
    actor: 'trainee',
  }
}

function fundingEndsFirst({ facts }: RuleContext): Flag | null {
  const { forecastAccreditationOn: forecast, fundingEndsOn: fundingEnds } = facts
  if (!forecast || !fundingEnds || daysBetween(fundingEnds, forecast) <= 0) return null
  return {
    code: 'funding_ends_first',
    severity: 'red',
    reason: `Projected accreditation on ${formatDate(forecast)} is ${plural(Math.ceil(daysBetween(fundingEnds, forecast) / 7), 'week')} after the programme's funding ends on ${formatDate(fundingEnds)}`,
    nextStep: `Agree how the rest of the training will be funded, or what extra time and supervision would finish it by ${formatDate(fundingEnds)}`,
    actor: 'lead',
  }
}

function noSupervisor({ facts, stage }: RuleContext): Flag | null {
  if (facts.supervisorAssigned || stage.requiredSupervisionMinutes === 0) return null
  return {
    code: 'no_supervisor',
    severity: 'red',
    reason: `No supervisor assigned, and ${stage.name} needs ${minutesInWords(stage.requiredSupervisionMinutes)} of supervision`,
    nextStep: 'Assign a VIG supervisor to this trainee',
    actor: 'lead',
  }
}

function noAccreditor({ facts, stage }: RuleContext): Flag | null {
  if (facts.accreditorAssigned || !stage.requiresExternalAccreditation) return null
  return {
    code: 'no_accreditor',
    severity: 'amber',
    reason: `No external accreditor assigned, and ${stage.name} ends with external accreditation`,
    nextStep: "Assign an external accreditor (not the trainee's own supervisor)",
    actor: 'lead',
  }
}

function noConsentingClient({ facts, stage }: RuleContext): Flag | null {
  const cycles = facts.readiness.requirements.find((r) => r.key === 'cycles')
  if (!cycles || cycles.done > 0 || facts.clientsWithConsent > 0) return null
  return {
    code: 'no_consenting_client',
    severity: 'amber',
    reason: `No client with consent to supervision to start the ${plural(stage.requiredCycles, 'cycle')} of ${stage.name}`,
    nextStep: 'Find a family to work with and record their consent before filming',
    actor: 'trainee',
  }
}

function sessionUnconfirmed({ facts, thresholds, today }: RuleContext): Flag | null {
  const heldOn = facts.oldestPendingSessionOn
  if (!heldOn) return null
  return waitingFlag('session_unconfirmed', 'supervisor', heldOn, thresholds.waitingDays, today, (days) => ({
    reason: `A supervision session held on ${formatDate(heldOn)} has waited ${plural(days, 'day')} to be confirmed`,
    nextStep: `Confirm the supervision session of ${formatDate(heldOn)}, or return it with a comment`,
  }))
}

function reflectionUnread({ facts, thresholds, today }: RuleContext): Flag | null {
  const submittedOn = facts.oldestUnreadReflectionOn
  if (!submittedOn) return null
  return waitingFlag('reflection_unread', 'supervisor', submittedOn, thresholds.waitingDays, today, (days) => ({
    reason: `A reflection submitted on ${formatDate(submittedOn)} has waited ${plural(days, 'day')} for feedback`,
    nextStep: `Read the reflection submitted on ${formatDate(submittedOn)} and give feedback`,
  }))
}

function signOffWaiting({ facts, thresholds, stage, today }: RuleContext): Flag | null {
  const since = facts.readyForSignOffSince
  if (!since) return null
  return waitingFlag('sign_off_waiting', 'supervisor', since, thresholds.waitingDays, today, (days) => ({
    reason: `${stage.name} has been ready for sign-off for ${plural(days, 'day')}, since ${formatDate(since)}`,
    nextStep: `${endMeetingStep(stage)} and sign off ${stage.name}`,
  }))
}

function accreditationWaiting({ facts, thresholds, stage, today }: RuleContext): Flag | null {
  const since = facts.awaitingAccreditationSince
  if (!since) return null
  return waitingFlag('accreditation_waiting', 'accreditor', since, thresholds.waitingDays, today, (days) => ({
    reason: `${stage.name} was signed off on ${formatDate(since)} and has waited ${plural(days, 'day')} for external accreditation`,
    nextStep: `Review the sign-off and accredit ${stage.name}, or return it with reasons`,
  }))
}

function recordingsOverdue({ facts, today }: RuleContext): Flag | null {
  const overdue = facts.recordingErasureDueDates.filter((due) => daysBetween(due, today) > 0).sort()
  if (overdue.length === 0) return null
  const clients = plural(overdue.length, 'client')
  return {
    code: 'recordings_overdue',
    severity: 'red',
    reason: `Recordings for ${clients} are past their erasure date; the oldest was due on ${formatDate(overdue[0])}`,
    nextStep: `Erase the recordings for ${clients} and record the date they were erased`,
    actor: 'trainee',
  }
}

function recordingsDueSoon({ facts, thresholds, today }: RuleContext): Flag | null {
  const soon = facts.recordingErasureDueDates.filter((due) => daysBetween(today, due) >= 0 && daysBetween(today, due) <= thresholds.erasureWarningDays).sort()
  if (soon.length === 0) return null
  const clients = plural(soon.length, 'client')
  const daysLeft = daysBetween(today, soon[0])
  const when = daysLeft === 0 ? 'today' : `in ${plural(daysLeft, 'day')}`
  return {
    code: 'recordings_due_soon',
    severity: 'amber',
    reason: `Recordings for ${clients} must be erased by ${formatDate(soon[0])}, ${when} (warning from ${plural(thresholds.erasureWarningDays, 'day')})`,
    nextStep: `Erase the recordings for ${clients} by ${formatDate(soon[0])} and record the date they were erased`,
    actor: 'trainee',
  }
}

function stageClock(facts: EnrolmentFacts, stage: StageRequirements): { startedOn: CalendarDate; label: string } {
  return daysBetween(facts.enrolmentStartedOn, facts.stageStartedOn) >= 0
    ? { startedOn: facts.stageStartedOn, label: `${stage.name} started` }
    : { startedOn: facts.enrolmentStartedOn, label: 'you joined' }
}

/** The stage's requirement with this key, if it has one and it is not yet met (and the stage is not ready). */
function openRequirement(readiness: StageReadiness, key: Requirement['key']): Requirement | null {
  if (readiness.ready) return null
  return readiness.requirements.find((r) => r.key === key && !r.met) ?? null
}

function gapFlag({
  code,
  lastOn,
  clock,
  today,
  amberWeeks,
  nothing,
  nextStep,
}: {
  code: 'supervision_gap' | 'cycle_gap'
  lastOn: CalendarDate | null
  clock: RuleContext['clock']
  today: CalendarDate
  amberWeeks: number
  nothing: string
  nextStep: (weeks: number, sinceLast: boolean) => string
}): Flag | null {
  const sinceLast = lastOn !== null && daysBetween(clock.startedOn, lastOn) >= 0
  const from = sinceLast ? lastOn : clock.startedOn
  const weeks = Math.floor(daysBetween(from, today) / 7)
  const severity = tier(weeks, amberWeeks, amberWeeks * 2)
  if (!severity) return null
  const thresholdsText = `(a concern from ${plural(amberWeeks, 'week')}, urgent from ${amberWeeks * 2})`
  return {
    code,
    severity,
    reason: sinceLast
      ? `${nothing} for ${plural(weeks, 'week')}, since ${formatDate(from)} ${thresholdsText}`
      : `${nothing} in the ${plural(weeks, 'week')} since ${clock.label} on ${formatDate(from)} ${thresholdsText}`,
    nextStep: nextStep(weeks, sinceLast),
    actor: 'trainee',
  }
}

function waitingFlag(
  code: FlagCode,
  actor: Actor,
  since: CalendarDate,
  amberDays: number,
  today: CalendarDate,
  describe: (days: number) => { reason: string; nextStep: string },
): Flag | null {
  const days = daysBetween(since, today)
  const severity = tier(days, amberDays, amberDays * 2)
  if (!severity) return null
  const { reason, nextStep } = describe(days)
  return { code, severity, reason: `${reason} (a concern from ${plural(amberDays, 'day')}, urgent from ${amberDays * 2})`, nextStep, actor }
}

function tier(value: number, amberFrom: number, redFrom: number): Severity | null {
  if (value >= redFrom) return 'red'
  return value >= amberFrom ? 'amber' : null
}

/** Whole months from `from` to `to`: 31 Jan to 28 Feb is 1 month (addMonths clamps), 15 Jan to 14 Feb is 0. */
function wholeMonthsBetween(from: CalendarDate, to: CalendarDate): number {
  const months = monthsBetween(from, to)
  return daysBetween(addMonths(from, months), to) >= 0 ? months : months - 1
}

function endMeetingStep(stage: StageRequirements): string {
  switch (stage.endMeeting) {
    case 'course_completion':
      return `Record the completion of the ${stage.name}`
    case 'midpoint':
      return 'Hold the mid-point meeting'
    case 'transition':
      return 'Hold the transition meeting'
    case 'accreditation':
      return 'Hold the accreditation meeting'
  }
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`
}
