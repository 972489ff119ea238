// What a person deciding on a stage (the supervisor signing it off, the external accreditor
// accrediting or returning it) checks before confirming: each requirement met or not (from the one
// readiness computation, domain/readiness.ts, so the rule set's numbers decide), the supervision
// sessions still waiting for confirmation and the reflections nobody has read yet (issue 12: a
// stage must not be signed off by one click while its reflection is unread). Anything unmet needs a
// written reason (the override, ADR 0007); pending and unread items only need to be seen.
import { formatDate, type CalendarDate } from '~/utils/dates'
import { formatHours, type Requirement, type StageReadiness } from './readiness'
import { minutesInWords } from './wording'

export interface DecisionLine {
  /** What is checked: 'Completed cycles'. */
  label: string
  /** Where it stands, in a few words: '6 of 6', '5 h of 7 h', 'Done', or what is missing. */
  detail: string
  met: boolean
}

export interface DecisionSummary {
  stageName: string
  requirements: DecisionLine[]
  /** Supervision sessions logged but not yet confirmed: '12 Nov 2026, 1 hour 30 minutes'. */
  pendingSessions: string[]
  /** Submitted reflections with no feedback yet: 'Stage-end written reflection, submitted 20 Nov 2026'. */
  unreadReflections: string[]
  /** How many requirements are unmet: signing off then needs a written reason. */
  unmet: number
  needsReason: boolean
  /** Nothing unmet, pending or unread. */
  clear: boolean
}

export interface DecisionFacts {
  pendingSessions?: { heldOn: CalendarDate; minutes: number }[]
  unreadReflections?: { kind: 'session' | 'stage_end'; submittedOn: CalendarDate }[]
}

/**
 * The summary shown before a stage decision is confirmed, from the stage's `readiness` (as judged
 * at sign-off) and the stage's pending sessions and unread reflections (oldest first, as given).
 */
export function decisionSummary(readiness: StageReadiness, facts: DecisionFacts = {}): DecisionSummary {
  const requirements = readiness.requirements.map((r) => ({ label: r.label, detail: r.met ? amountDone(r) : `Not met: ${r.missing}`, met: r.met }))
  const pendingSessions = (facts.pendingSessions ?? []).map((s) => `${formatDate(s.heldOn)}, ${minutesInWords(s.minutes)}`)
  const unreadReflections = (facts.unreadReflections ?? []).map(
    (r) => `${r.kind === 'stage_end' ? 'Stage-end written reflection' : 'Reflection on supervision'}, submitted ${formatDate(r.submittedOn)}`,
  )
  const unmet = requirements.filter((r) => !r.met).length
  return {
    stageName: readiness.stageName,
    requirements,
    pendingSessions,
    unreadReflections,
    unmet,
    needsReason: unmet > 0,
    clear: unmet === 0 && pendingSessions.length === 0 && unreadReflections.length === 0,
  }
}

function amountDone(r: Requirement): string {
  if (r.unit === 'done') return 'Done'
  if (r.unit === 'minutes') return `${formatHours(r.done)} of ${formatHours(r.required)}`
  return `${r.done} of ${r.required}`
}
