// Moving an enrolment to another published version of its pathway (ADR 0017): before a lead moves
// one, they see what changes for that trainee. Pure: the two rule sets and the trainee's evidence in,
// the current stage's readiness and the work left under each version out, with every requirement
// that differs, in words. Past stages are not judged again: sign-offs keep their snapshot.
import { formatHours, remainingWork, stageReadiness, type RemainingWork, type StageEvidence, type StageReadiness } from './readiness'
import type { RuleSet, StageRequirements } from './rule-set'
import { END_MEETING_LABEL } from './stage-end'

export interface RequirementDifference {
  stageName: string
  label: string
  before: string
  after: string
}

export interface VersionChangePreview {
  stageNumber: number
  /** The current stage judged by the version the trainee is on, and by the one proposed. */
  before: StageReadiness
  after: StageReadiness
  remainingBefore: RemainingWork
  remainingAfter: RemainingWork
  /** Every stage requirement that differs between the versions, stage by stage. */
  differences: RequirementDifference[]
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No')

/** The requirements a person compares, each as words. */
const COMPARED: { label: string; show: (s: StageRequirements) => string }[] = [
  { label: 'Completed cycles', show: (s) => String(s.requiredCycles) },
  { label: 'New clients', show: (s) => String(s.requiredNewClients) },
  { label: 'Confirmed supervision', show: (s) => formatHours(s.requiredSupervisionMinutes) },
  { label: 'Training that may replace supervision', show: (s) => (s.supervisionByTrainingMinutes > 0 ? formatHours(s.supervisionByTrainingMinutes) : 'None') },
  { label: 'Introduction session', show: (s) => yesNo(s.requiresIntroductionSession) },
  { label: 'Written reflection', show: (s) => yesNo(s.requiresWrittenReflection) },
  { label: 'Ends with', show: (s) => END_MEETING_LABEL[s.endMeeting] },
  { label: 'External accreditation', show: (s) => yesNo(s.requiresExternalAccreditation) },
  { label: 'Expected length', show: (s) => `${s.expectedMonths} months` },
]

/** Every requirement that differs between two versions, stage by stage; a stage only one has is named as such. */
export function requirementDifferences(from: RuleSet, to: RuleSet): RequirementDifference[] {
  const numbers = [...new Set([...from.stages, ...to.stages].map((s) => s.stageNumber))].sort((a, b) => a - b)
  return numbers.flatMap((n) => {
    const before = from.stages.find((s) => s.stageNumber === n)
    const after = to.stages.find((s) => s.stageNumber === n)
    if (!before) return [{ stageName: after!.name, label: 'Stage', before: 'Not in this version', after: 'Added' }]
    if (!after) return [{ stageName: before.name, label: 'Stage', before: 'In this version', after: 'Not in the new version' }]
    return COMPARED.flatMap(({ label, show }) => (show(before) === show(after) ? [] : [{ stageName: after.name, label, before: show(before), after: show(after) }]))
  })
}

/**
 * Why an enrolment in `currentStage` cannot move from `from` to `to`, or null: it must be another
 * version of the same pathway that has the trainee's current stage.
 */
export function versionChangeProblem(from: RuleSet & { pathwayId: number }, to: RuleSet & { pathwayId: number }, currentStage: number): string | null {
  if (to.id === from.id) return 'The trainee already follows this version'
  if (to.pathwayId !== from.pathwayId) return 'Choose a version of the same pathway'
  if (!to.stages.some((s) => s.stageNumber === currentStage)) return `${to.name} has no stage ${currentStage}, the trainee’s current stage`
  return null
}

/** What moving from `from` to `to` changes for a trainee in `currentStage` with this evidence. The caller checks versionChangeProblem first. */
export function versionChangePreview(from: RuleSet, to: RuleSet, currentStage: number, evidence: StageEvidence): VersionChangePreview {
  return {
    stageNumber: currentStage,
    before: stageReadiness(from, currentStage, evidence),
    after: stageReadiness(to, currentStage, evidence),
    remainingBefore: remainingWork(from, currentStage, evidence),
    remainingAfter: remainingWork(to, currentStage, evidence),
    differences: requirementDifferences(from, to),
  }
}
