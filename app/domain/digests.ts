// What goes into scheduled e-mail (issue #13): pure rules, `today` passed in.
// - A supervisor's digest lists what waits for them oldest first (the to-do queue's own order is
//   overdue first, for the screen; a digest reads as a backlog).
// - An accreditor is reminded of a stage waiting longer than the rule set's `waitingDays` (the
//   same threshold as the accreditation_waiting risk flag), at most once a week per stage.
// - A lead's weekly digest lists flags that are new since last week's digest, or worse (amber
//   to red); flags already reported at the same severity are left out.
// - Periods: daily digests are keyed by the calendar date, weekly ones by the Monday of the week.
import { weekStart, type CalendarDate } from '~/utils/dates'
import { accreditationWait } from './accreditation-wait'
import type { Flag, Severity } from './risk'

export type DigestFrequency = 'daily' | 'weekly'

/** Whether someone with `frequency` gets a digest of `period` today; weekly ones go on Mondays. */
export function digestDue(frequency: 'immediate' | 'daily' | 'weekly' | 'off', period: DigestFrequency, today: CalendarDate): boolean {
  if (frequency === 'off') return false
  if (period === 'weekly') return weekStart(today) === today
  return frequency === 'weekly' ? weekStart(today) === today : true
}

/** Oldest first; ties by trainee name. */
export function oldestFirst<T extends { since: CalendarDate; traineeName: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.since.localeCompare(b.since) || a.traineeName.localeCompare(b.traineeName))
}

export interface AwaitingDecision {
  enrolmentId: number
  signedOffOn: CalendarDate
  waitingDays: number
}

/** Stages waiting for accreditation past the threshold, with how long they have waited. */
export function overdueForAccreditation<T extends AwaitingDecision>(items: T[], today: CalendarDate): (T & { daysWaiting: number })[] {
  return items.flatMap((i) => {
    const wait = accreditationWait(i.signedOffOn, today, i.waitingDays)
    return wait.overdue ? [{ ...i, daysWaiting: wait.daysWaiting }] : []
  })
}

/** Each enrolment's flags as last reported: flag code → severity. */
export type FlagSnapshot = Record<string, Record<string, Severity>>

export function snapshotOf(flagsByEnrolment: Map<number, Flag[]>): FlagSnapshot {
  const snapshot: FlagSnapshot = {}
  for (const [enrolmentId, flags] of flagsByEnrolment) snapshot[enrolmentId] = Object.fromEntries(flags.map((f) => [f.code, f.severity]))
  return snapshot
}

/** Flags new since `previous` (or all, when there was no previous digest) and flags gone from amber to red. */
export function flagChanges(previous: FlagSnapshot | null, enrolmentId: number, flags: Flag[]): (Flag & { change: 'new' | 'worse' })[] {
  const before = previous?.[enrolmentId] ?? {}
  return flags.flatMap((f): (Flag & { change: 'new' | 'worse' })[] => {
    const was = before[f.code]
    if (!was) return [{ ...f, change: 'new' }]
    if (was === 'amber' && f.severity === 'red') return [{ ...f, change: 'worse' }]
    return []
  })
}
