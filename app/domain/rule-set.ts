// The shape of a pathway's rule set as the domain sees it: stage requirements, fees and risk
// thresholds are data (seeded from db/seed/rule-sets.ts, versioned in the database), never code.
// Source of the numbers: AVIGuk practitioner pathway, see ../shared/DOMAIN.md.

export type EndMeeting = 'course_completion' | 'transition' | 'midpoint' | 'accreditation'

export interface StageRequirements {
  stageNumber: number
  name: string
  requiredCycles: number
  /** Clients new to this stage: none of their cycles counted in an earlier stage. */
  requiredNewClients: number
  /** Supervision is really hours: sessions of 60, 90 or 120 minutes all add up. */
  requiredSupervisionMinutes: number
  requiresIntroductionSession: boolean
  endMeeting: EndMeeting
  requiresWrittenReflection: boolean
  requiresExternalAccreditation: boolean
  expectedMonths: number
  feePence: number
}

export interface RiskThresholds {
  supervisionGapWeeks: number
  cycleGapWeeks: number
  /** Amber once a stage passes its expected length; red this many months later. */
  overrunRedMonths: number
  /** Behind pace when share of work done < ratio × share of expected time passed. */
  behindPaceRatio: number
  /** Something waiting on someone else longer than this is flagged on the person who must act. */
  waitingDays: number
  /** Warn this many days before recordings must be erased. */
  erasureWarningDays: number
  /** More supervision minutes than this on one day is implausible: a warning, never a refusal (app/domain/plausibility.ts). */
  maxSupervisionMinutesPerDay: number
  /** More shared reviews (cycles' shared-review sessions) than this on one day is implausible: a warning, never a refusal. */
  maxSharedReviewsPerDay: number
}

export interface RuleSet {
  id: number
  key: string
  name: string
  version: number
  awardTitle: string
  registrationFeePence: number
  recordingRetentionDays: number
  thresholds: RiskThresholds
  /** Ordered by stageNumber, starting at 0 (the initial training course). */
  stages: StageRequirements[]
}

export function stageOf(ruleSet: RuleSet, stageNumber: number): StageRequirements {
  const stage = ruleSet.stages.find((s) => s.stageNumber === stageNumber)
  if (!stage) throw new Error(`Rule set ${ruleSet.key} has no stage ${stageNumber}`)
  return stage
}

export function finalStageNumber(ruleSet: RuleSet): number {
  return Math.max(...ruleSet.stages.map((s) => s.stageNumber))
}
