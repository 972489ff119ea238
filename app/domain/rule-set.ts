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
  /**
   * A substitution, as data: up to this many minutes of requiredSupervisionMinutes may be met by
   * training logged in place of supervision (0: none). A provider allowing a half day of training in
   * place of one Stage 1 supervision hour sets 60 (DOMAIN.md, "providers differ").
   */
  supervisionByTrainingMinutes: number
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

/** Form fields of a stage's requirements, as the draft editor names them (app/schemas/rule-set.ts). */
export type StageField = 'name' | 'requiredCycles' | 'requiredNewClients' | 'supervisionHours' | 'supervisionByTrainingHours' | 'expectedMonths' | 'fee'

/**
 * Why a stage's requirements cannot be published, by form field (empty when they can): a stage needs
 * at least one requirement (cycles, new clients, supervision, an introduction session, a written
 * reflection, or a course to complete); new clients cannot outnumber cycles (a client is new to a
 * stage through a cycle counted in it); training in place of supervision cannot exceed the
 * supervision asked. Ranges of single numbers are the form's (app/schemas/rule-set.ts).
 */
export function stageRequirementProblems(stage: StageRequirements): Partial<Record<StageField, string>> {
  const problems: Partial<Record<StageField, string>> = {}
  const hasRequirement =
    stage.requiredCycles > 0 ||
    stage.requiredNewClients > 0 ||
    stage.requiredSupervisionMinutes > 0 ||
    stage.requiresIntroductionSession ||
    stage.requiresWrittenReflection ||
    stage.endMeeting === 'course_completion'
  if (!hasRequirement) {
    problems.requiredCycles = 'A stage needs at least one requirement: cycles, new clients, supervision, an introduction session or a written reflection'
  }
  if (stage.requiredNewClients > stage.requiredCycles) {
    problems.requiredNewClients = `New clients cannot be more than the ${stage.requiredCycles} cycles: a client is new to a stage through a cycle in it`
  }
  if (stage.supervisionByTrainingMinutes > stage.requiredSupervisionMinutes) {
    problems.supervisionByTrainingHours = 'Training in place of supervision cannot be more than the supervision the stage asks for'
  }
  return problems
}

/**
 * Every stage's problems, for publishing a draft (stage numbers with their problems, empty when
 * none), and one about the whole pathway: its final stage must be accredited by an external
 * supervisor, since the award certificate is issued on that accreditation (certificate.server.ts).
 */
export function ruleSetProblems(ruleSet: Pick<RuleSet, 'stages'>): { stageNumber: number; field: StageField | 'requiresExternalAccreditation'; message: string }[] {
  const problems: { stageNumber: number; field: StageField | 'requiresExternalAccreditation'; message: string }[] = ruleSet.stages.flatMap((stage) =>
    Object.entries(stageRequirementProblems(stage)).map(([field, message]) => ({ stageNumber: stage.stageNumber, field: field as StageField, message: message! })),
  )
  const final = ruleSet.stages.at(-1)
  if (final && !final.requiresExternalAccreditation) {
    problems.push({
      stageNumber: final.stageNumber,
      field: 'requiresExternalAccreditation',
      message: 'The final stage must be accredited by an external supervisor: the award certificate is issued on that accreditation',
    })
  }
  return problems
}
