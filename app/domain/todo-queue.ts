// A supervisor's to-do queue: what each trainee is waiting on them for (DOMAIN.md: "supervisor ...
// not available" and "a sign-off left waiting" are among the reasons trainees fail to complete).
// Items: supervision sessions to confirm, reflections to read, introduction sessions and
// end-of-stage meetings to record, stages ready for sign-off. Anything waiting longer than the rule
// set's `waitingDays` is overdue; overdue items come first, then the longest waiting.
import { daysBetween, formatDate, type CalendarDate } from '~/utils/dates'
import type { StageReadiness } from './readiness'
import type { EndMeeting } from './rule-set'
import { END_MEETING_LABEL, type StageStatus } from './stage-end'
import { minutesInWords } from './wording'

/** What the queue needs to know about one trainee, gathered by the models. */
export interface CaseFacts {
  enrolmentId: number
  traineeName: string
  stageName: string
  stageStatus: StageStatus
  stageStartedOn: CalendarDate
  requiresIntroduction: boolean
  introductionRecorded: boolean
  endMeeting: EndMeeting
  endMeetingPassed: boolean
  /** Readiness as judged at sign-off (domain/stage-end.ts). */
  readiness: StageReadiness
  /** The last evidence logged for the stage: a ready stage has been waiting since then. */
  lastActivityOn: CalendarDate | null
  pendingSessions: { id: number; heldOn: CalendarDate; minutes: number }[]
  /** Submitted reflections of the current stage with no feedback yet. */
  unreadReflections: { id: number; kind: 'session' | 'stage_end'; submittedOn: CalendarDate }[]
  /** The rule set's threshold for something waiting on someone else. */
  waitingDays: number
}

export type TodoKind = 'confirm_session' | 'read_reflection' | 'record_introduction' | 'record_end_meeting' | 'sign_off'

export interface Todo {
  kind: TodoKind
  enrolmentId: number
  traineeName: string
  title: string
  since: CalendarDate
  daysWaiting: number
  overdue: boolean
}

export function supervisorTodos(cases: CaseFacts[], today: CalendarDate): Todo[] {
  return cases
    .flatMap((facts) =>
      casesTodos(facts).map((item) => {
        const daysWaiting = Math.max(daysBetween(item.since, today), 0)
        return { ...item, enrolmentId: facts.enrolmentId, traineeName: facts.traineeName, daysWaiting, overdue: daysWaiting > facts.waitingDays }
      }),
    )
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || b.daysWaiting - a.daysWaiting || a.traineeName.localeCompare(b.traineeName))
}

function casesTodos(facts: CaseFacts): { kind: TodoKind; title: string; since: CalendarDate }[] {
  const items: { kind: TodoKind; title: string; since: CalendarDate }[] = []
  for (const session of facts.pendingSessions) {
    items.push({
      kind: 'confirm_session',
      title: `Confirm or return the supervision session of ${formatDate(session.heldOn)} (${minutesInWords(session.minutes)})`,
      since: session.heldOn,
    })
  }
  for (const reflection of facts.unreadReflections) {
    items.push({
      kind: 'read_reflection',
      title: reflection.kind === 'stage_end' ? `Read the ${facts.stageName} written reflection` : `Read the reflection submitted on ${formatDate(reflection.submittedOn)}`,
      since: reflection.submittedOn,
    })
  }
  if (facts.stageStatus !== 'in_progress') return items
  if (facts.requiresIntroduction && !facts.introductionRecorded) {
    items.push({ kind: 'record_introduction', title: `Record the ${facts.stageName} introduction session`, since: facts.stageStartedOn })
  }
  if (facts.readiness.ready) {
    const since = facts.lastActivityOn && facts.lastActivityOn > facts.stageStartedOn ? facts.lastActivityOn : facts.stageStartedOn
    const meeting = END_MEETING_LABEL[facts.endMeeting].toLowerCase()
    items.push(
      facts.endMeetingPassed
        ? { kind: 'sign_off', title: `Sign off ${facts.stageName}: every requirement holds`, since }
        : { kind: 'record_end_meeting', title: `Record the ${meeting} and sign off ${facts.stageName}: every requirement holds`, since },
    )
  }
  return items
}
