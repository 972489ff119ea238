// Stage readiness: what a trainee has done towards a stage and what is still missing, judged
// against the stage's requirements in the enrolment's rule set (AVIGuk practitioner pathway; the
// numbers are data, seeded from db/seed, see ../shared/DOMAIN.md). The rules encoded here:
// - a cycle counts only once its shared review is logged, and only in the stage it was counted in;
// - clients count as NEW per stage, not cumulatively: new to stage N when they have cycles counted
//   in stage N and none counted in an earlier stage;
// - supervision is really hours: only confirmed minutes count; pending minutes are shown apart and
//   returned sessions are ignored; training logged in place of supervision counts only where the
//   stage allows it (a substitution, as data: StageRequirements.supervisionByTrainingMinutes), and
//   only up to that many minutes;
// - the Initial Training Course (a stage ending in 'course_completion') has no evidence to count:
//   it is ready once its completion is recorded.
// Every feature (trainee page, sign-off, risk flags, PDFs, reports) reads readiness from here.
import type { RuleSet, StageRequirements } from './rule-set'
import { stageOf } from './rule-set'
import { minutesInWords, plural } from './wording'

export interface CycleEvidence {
  clientId: number
  filmedOn: string
  /** The shared review; null while the cycle is in progress (it then counts for nothing). */
  reviewedOn: string | null
  /** The stage the trainee was in on the shared-review date; null while in progress. */
  stageNumber: number | null
}

export interface SupervisionEvidence {
  heldOn: string
  minutes: number
  status: 'pending' | 'confirmed' | 'returned'
  stageNumber: number
  /** 'training': training logged in place of supervision (a stage's substitution). Absent: supervision. */
  kind?: 'supervision' | 'training'
}

/** Everything recorded for one enrolment, across all its stages. */
export interface StageEvidence {
  cycles: CycleEvidence[]
  supervision: SupervisionEvidence[]
  /** Stages whose introduction session is recorded. */
  introductionSessionStages: number[]
  /** Stages with a submitted stage-end written reflection. */
  writtenReflectionStages: number[]
  /** Stages whose course completion is recorded (the Initial Training Course). */
  courseCompletedStages: number[]
}

export type RequirementKey = 'course' | 'introduction_session' | 'cycles' | 'new_clients' | 'supervision' | 'written_reflection'

export type RequirementUnit = 'count' | 'minutes' | 'done'

export interface Requirement {
  key: RequirementKey
  label: string
  /** For 'done' requirements: 1 when done, else 0. */
  done: number
  /** Supervision minutes waiting for the supervisor to confirm; 0 for everything else. */
  pending: number
  required: number
  unit: RequirementUnit
  met: boolean
  /** What is still needed, in plain English; null when met. */
  missing: string | null
}

export interface StageReadiness {
  stageNumber: number
  stageName: string
  /** Only the requirements this stage actually has, in the order a trainee meets them. */
  requirements: Requirement[]
  ready: boolean
  missing: string[]
}

/**
 * What a table row shows of a stage's readiness ("Cycles 4/6 · Clients 1/2 · Supervision 5 h/7 h",
 * "2 to go"): amounts only, none of the sentences. A `StageReadiness` is one.
 */
export interface ReadinessAtAGlance {
  stageName: string
  ready: boolean
  requirements: Pick<Requirement, 'key' | 'unit' | 'met' | 'done' | 'required'>[]
}

/** `readiness` cut down to what a table row shows (pages of many trainees send only this). */
export function atAGlance(readiness: StageReadiness): ReadinessAtAGlance {
  return {
    stageName: readiness.stageName,
    ready: readiness.ready,
    requirements: readiness.requirements.map(({ key, unit, met, done, required }) => ({ key, unit, met, done, required })),
  }
}

export interface RemainingWork {
  cycles: number
  newClients: number
  supervisionMinutes: number
}

/**
 * Who the readiness texts speak to. By default the trainee reads them ("Your introduction session");
 * with `traineeName` they speak about the trainee by name, for the supervisor or the accreditor
 * ("Amira Khan's introduction session").
 */
export interface ReadinessVoice {
  traineeName?: string
}

export function stageReadiness(ruleSet: RuleSet, stageNumber: number, evidence: StageEvidence, voice: ReadinessVoice = {}): StageReadiness {
  const stage = stageOf(ruleSet, stageNumber)
  const whose = voice.traineeName ? `${voice.traineeName}’s` : 'Your'
  const counted = countStageWork(stage, evidence)
  const requirements: Requirement[] = []

  if (stage.endMeeting === 'course_completion') {
    requirements.push(doneRequirement('course', 'Course completed', evidence.courseCompletedStages.includes(stageNumber), `Completing the ${stage.name}`))
  }
  if (stage.requiresIntroductionSession) {
    requirements.push(doneRequirement('introduction_session', 'Introduction session', evidence.introductionSessionStages.includes(stageNumber), `${whose} introduction session`))
  }
  if (stage.requiredCycles > 0) {
    requirements.push(countRequirement('cycles', 'Completed cycles', counted.cycles, stage.requiredCycles, (n) => plural(n, 'more completed cycle')))
  }
  if (stage.requiredNewClients > 0) {
    requirements.push(
      countRequirement('new_clients', 'New clients this stage', counted.newClients, stage.requiredNewClients, (n) => `${plural(n, 'more new client', 'more new clients')} this stage`),
    )
  }
  if (stage.requiredSupervisionMinutes > 0) {
    requirements.push(supervisionRequirement(stage, counted.confirmedMinutes, counted.pendingMinutes, voice.traineeName ? 'the supervisor' : 'your supervisor'))
  }
  if (stage.requiresWrittenReflection) {
    requirements.push(doneRequirement('written_reflection', 'Stage-end written reflection', evidence.writtenReflectionStages.includes(stageNumber), `${whose} stage-end written reflection`))
  }

  const missing = requirements.flatMap((r) => (r.missing ? [r.missing] : []))
  return { stageNumber, stageName: stage.name, requirements, ready: missing.length === 0, missing }
}

/** The requirements that are amounts of work (cycles, clients, hours) rather than one-off events. */
export function workRequirements(readiness: StageReadiness): Requirement[] {
  return readiness.requirements.filter((r) => r.unit !== 'done')
}

/**
 * Share (0..1) of the stage's work done: the average of the cycles, new-clients and supervision
 * shares, each capped at 1 so a surplus in one cannot hide a gap in another. A stage with no such
 * work (the course) is all or nothing.
 */
export function overallProgress(readiness: StageReadiness): number {
  const work = workRequirements(readiness)
  if (work.length === 0) return readiness.ready ? 1 : 0
  const shares = work.map((r) => Math.min(r.done / r.required, 1))
  return shares.reduce((sum, share) => sum + share, 0) / shares.length
}

/**
 * Work left from `fromStage` through the final stage: what the current stage still lacks plus the
 * full requirements of every later stage. Pending supervision is not subtracted: it may yet be
 * returned.
 */
export function remainingWork(ruleSet: RuleSet, fromStage: number, evidence: StageEvidence): RemainingWork {
  const current = countStageWork(stageOf(ruleSet, fromStage), evidence)
  return ruleSet.stages
    .filter((stage) => stage.stageNumber >= fromStage)
    .reduce<RemainingWork>(
      (total, stage) => {
        const isCurrent = stage.stageNumber === fromStage
        return {
          cycles: total.cycles + Math.max(stage.requiredCycles - (isCurrent ? current.cycles : 0), 0),
          newClients: total.newClients + Math.max(stage.requiredNewClients - (isCurrent ? current.newClients : 0), 0),
          supervisionMinutes: total.supervisionMinutes + Math.max(stage.requiredSupervisionMinutes - (isCurrent ? current.confirmedMinutes : 0), 0),
        }
      },
      { cycles: 0, newClients: 0, supervisionMinutes: 0 },
    )
}

/** Minutes for people in one compact style: '7 h', '7 h 30 min', '45 min'. */
export function formatHours(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0 && rest > 0) return `${rest} min`
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`
}

function countStageWork(stage: StageRequirements, evidence: StageEvidence) {
  const { stageNumber } = stage
  const completed = evidence.cycles.filter((c) => c.reviewedOn !== null && c.stageNumber !== null)
  const thisStage = completed.filter((c) => c.stageNumber === stageNumber)
  const seenEarlier = new Set(completed.filter((c) => c.stageNumber! < stageNumber).map((c) => c.clientId))
  const newClients = new Set(thisStage.map((c) => c.clientId).filter((id) => !seenEarlier.has(id)))
  const sessions = evidence.supervision.filter((s) => s.stageNumber === stageNumber)
  const supervision = sessions.filter((s) => s.kind !== 'training')
  const training = sessions.filter((s) => s.kind === 'training')
  // Training in place of supervision counts up to the stage's allowance, confirmed minutes first.
  const allowance = stage.supervisionByTrainingMinutes
  const confirmedTraining = Math.min(sumMinutes(training.filter((s) => s.status === 'confirmed')), allowance)
  const pendingTraining = Math.min(sumMinutes(training.filter((s) => s.status === 'pending')), allowance - confirmedTraining)
  return {
    cycles: thisStage.length,
    newClients: newClients.size,
    confirmedMinutes: sumMinutes(supervision.filter((s) => s.status === 'confirmed')) + confirmedTraining,
    pendingMinutes: sumMinutes(supervision.filter((s) => s.status === 'pending')) + pendingTraining,
  }
}

function sumMinutes(sessions: SupervisionEvidence[]): number {
  return sessions.reduce((sum, s) => sum + s.minutes, 0)
}

function doneRequirement(key: RequirementKey, label: string, done: boolean, missing: string): Requirement {
  return { key, label, done: done ? 1 : 0, pending: 0, required: 1, unit: 'done', met: done, missing: done ? null : missing }
}

function countRequirement(key: RequirementKey, label: string, done: number, required: number, describeShortfall: (shortfall: number) => string): Requirement {
  const met = done >= required
  return { key, label, done, pending: 0, required, unit: 'count', met, missing: met ? null : describeShortfall(required - done) }
}

function supervisionRequirement(stage: StageRequirements, confirmed: number, pending: number, confirmer: string): Requirement {
  const required = stage.requiredSupervisionMinutes
  const met = confirmed >= required
  const shortfall = required - confirmed
  // '3 more hours' reads naturally; a part hour cannot take 'more' in the middle.
  const amount = shortfall % 60 === 0 ? plural(shortfall / 60, 'more hour') : `${minutesInWords(shortfall)} more`
  const waiting = pending > 0 ? ` (${minutesInWords(pending)} waiting for ${confirmer} to confirm)` : ''
  return {
    key: 'supervision',
    label: 'Confirmed supervision',
    done: confirmed,
    pending,
    required,
    unit: 'minutes',
    met,
    missing: met ? null : `${amount} of confirmed supervision${waiting}`,
  }
}
