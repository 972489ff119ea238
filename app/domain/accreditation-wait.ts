// How long a signed-off stage has waited for the external accreditor's decision, and whether it is
// overdue: waiting longer than the rule set's `waitingDays` (seeded as 14 days in
// db/seed/rule-sets.ts, the same threshold as the accreditation_waiting risk flag and the
// accreditor's weekly reminder). Pure: `today` is passed in.
import { daysBetween, type CalendarDate } from '~/utils/dates'

export interface AccreditationWait {
  /** Whole calendar days since the sign-off (0 on the day itself, never negative). */
  daysWaiting: number
  /** Waiting longer than the rule set's threshold. */
  overdue: boolean
}

/** The wait of a stage signed off on `signedOffOn` (a calendar date), judged against `waitingDays` from the rule set. */
export function accreditationWait(signedOffOn: CalendarDate, today: CalendarDate, waitingDays: number): AccreditationWait {
  const daysWaiting = Math.max(daysBetween(signedOffOn, today), 0)
  return { daysWaiting, overdue: daysWaiting > waitingDays }
}
