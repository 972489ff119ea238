// Recording retention (DOMAIN.md, "Consent and data protection"): recordings are erased within a
// set time after work with the family ends. The period is the rule set's recordingRetentionDays
// (60 days in the seeded AVIGuk rule sets, after one service's 2 months), and a reminder shows from
// thresholds.erasureWarningDays before the due date; the same thresholds drive the risk flags
// (risk.ts: due on the day is 'due soon', the day after is overdue).
import { addDays, daysBetween, type CalendarDate } from '~/utils/dates'
import type { RuleSet } from './rule-set'
import { plural } from './wording'

export interface RecordingDates {
  workEndedOn: CalendarDate | null
  recordingsErasedOn: CalendarDate | null
}

export type RecordingStatus =
  | { state: 'work_ongoing' }
  | { state: 'erased'; erasedOn: CalendarDate }
  | { state: 'keep'; dueOn: CalendarDate; daysLeft: number }
  | { state: 'due_soon'; dueOn: CalendarDate; daysLeft: number }
  | { state: 'overdue'; dueOn: CalendarDate; daysOverdue: number }

export function erasureDueOn(workEndedOn: CalendarDate, ruleSet: Pick<RuleSet, 'recordingRetentionDays'>): CalendarDate {
  return addDays(workEndedOn, ruleSet.recordingRetentionDays)
}

export function recordingStatus(dates: RecordingDates, ruleSet: Pick<RuleSet, 'recordingRetentionDays' | 'thresholds'>, today: CalendarDate): RecordingStatus {
  if (dates.recordingsErasedOn) return { state: 'erased', erasedOn: dates.recordingsErasedOn }
  if (!dates.workEndedOn) return { state: 'work_ongoing' }
  const dueOn = erasureDueOn(dates.workEndedOn, ruleSet)
  const daysLeft = daysBetween(today, dueOn)
  if (daysLeft < 0) return { state: 'overdue', dueOn, daysOverdue: -daysLeft }
  if (daysLeft <= ruleSet.thresholds.erasureWarningDays) return { state: 'due_soon', dueOn, daysLeft }
  return { state: 'keep', dueOn, daysLeft }
}

/** The reminder to show the trainee, or null when none is needed yet. */
export function erasureReminder(status: RecordingStatus): string | null {
  switch (status.state) {
    case 'overdue':
      return `Recordings should have been erased ${plural(status.daysOverdue, 'day')} ago. Erase them now and record the date.`
    case 'due_soon':
      return status.daysLeft === 0
        ? 'Recordings must be erased today. Erase them and record the date.'
        : `Recordings must be erased within ${plural(status.daysLeft, 'day')}. Erase them and record the date.`
    default:
      return null
  }
}
