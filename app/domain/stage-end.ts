// How a stage of the pathway ends (AVIGuk, ../shared/DOMAIN.md): the trainee's own supervisor holds
// the end-of-stage meeting (course completion, transition, mid-point or accreditation meeting) and
// signs the stage off; where the rule set asks for external accreditation, an external supervisor
// then accredits it, and only that completes the stage. The Initial Training Course has no external
// accreditation, so its sign-off completes it. Accrediting the final stage makes the trainee the
// rule set's award (e.g. Accredited VIG Practitioner).
import { stageReadiness, type ReadinessVoice, type StageEvidence, type StageReadiness } from './readiness'
import { finalStageNumber, stageOf, type EndMeeting, type RuleSet } from './rule-set'
import { addDays } from '~/utils/dates'

export const END_MEETING_LABEL: Record<EndMeeting, string> = {
  course_completion: 'Course completion',
  transition: 'Transition meeting',
  midpoint: 'Mid-point presentation',
  accreditation: 'Accreditation meeting',
}

export function meetingKindLabel(kind: 'introduction' | EndMeeting): string {
  return kind === 'introduction' ? 'Introduction session' : END_MEETING_LABEL[kind]
}

/**
 * Readiness as judged at sign-off. For a course stage the sign-off is itself the record that the
 * course was completed, so that one requirement counts as met by the act; everything else is
 * exactly `stageReadiness` (spoken in `voice`).
 */
export function readinessForSignOff(ruleSet: RuleSet, stageNumber: number, evidence: StageEvidence, voice: ReadinessVoice = {}): StageReadiness {
  const stage = stageOf(ruleSet, stageNumber)
  const judged = stage.endMeeting === 'course_completion' ? { ...evidence, courseCompletedStages: [...evidence.courseCompletedStages, stageNumber] } : evidence
  return stageReadiness(ruleSet, stageNumber, judged, voice)
}

/** Whether the supervisor's sign-off completes the stage (no external accreditation follows). */
export function completesOnSignOff(ruleSet: RuleSet, stageNumber: number): boolean {
  return !stageOf(ruleSet, stageNumber).requiresExternalAccreditation
}

export type AfterStage = { kind: 'next'; stageNumber: number } | { kind: 'award'; title: string }

/** What follows once `stageNumber` is complete: the next stage, or the award after the final one. */
export function afterStage(ruleSet: RuleSet, stageNumber: number): AfterStage {
  if (stageNumber >= finalStageNumber(ruleSet)) return { kind: 'award', title: ruleSet.awardTitle }
  const next = ruleSet.stages.find((s) => s.stageNumber > stageNumber)!
  return { kind: 'next', stageNumber: next.stageNumber }
}

export type StageStatus = 'in_progress' | 'signed_off' | 'accredited' | 'recognised'

/** A stage's standing in a few words, for tags and tables. */
export function stageStatusLabel(status: StageStatus, completedOn: string | null): string {
  switch (status) {
    case 'in_progress':
      return 'In progress'
    case 'signed_off':
      return completedOn ? 'Completed' : 'Signed off, awaiting accreditation'
    case 'accredited':
      return 'Accredited'
    case 'recognised':
      return 'Recognised prior learning'
  }
}

/**
 * Work goes on while a stage waits for accreditation (issue 11, ADR 0016): when the supervisor signs
 * off a stage that an external accreditor must still accredit and another stage follows, the next
 * stage opens provisionally on the day after the sign-off (`signedOffOn`, a calendar date), so that
 * cycles and supervision from then on count towards it. Null when nothing opens: the sign-off
 * completes the stage itself (the next stage starts that day, as before), or it is the final stage
 * (work after its sign-off counts towards no stage).
 */
export function provisionalNextStage(ruleSet: RuleSet, stageNumber: number, signedOffOn: string): { stageNumber: number; startsOn: string } | null {
  if (completesOnSignOff(ruleSet, stageNumber)) return null
  const after = afterStage(ruleSet, stageNumber)
  if (after.kind !== 'next') return null
  return { stageNumber: after.stageNumber, startsOn: addDays(signedOffOn, 1) }
}
