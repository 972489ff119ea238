// The rules a trainee's evidence obeys wherever it comes from: typed into a form (app/schemas/) or
// imported from a spreadsheet (programme-import.ts). One module, so the two can never disagree:
// - client codes must be anonymous (client-code.ts, DOMAIN.md "Consent and data protection") and
//   are one client whatever their case: 'sj-01' is 'SJ-01' (stored in capitals);
// - a cycle uses up to 10 micro-clips (about 3 is usual: DOMAIN.md, "a typical cycle");
// - a supervision session lasts 15 to 240 minutes (60, 90 and 120 are usual);
// - nothing is logged before it happened, and a shared review is never before its filming.
import type { CalendarDate } from '~/utils/dates'
import { clientCodeProblem } from './client-code'

export { clientCodeProblem }

export const MAX_CLIPS = 10
export const MIN_SESSION_MINUTES = 15
export const MAX_SESSION_MINUTES = 240
export const SESSION_FORMAT_VALUES = ['one_to_one', 'group', 'remote'] as const

/** The one spelling of a client code that identifies the client: trimmed, in capitals. */
export function clientCodeIdentity(code: string): string {
  return code.trim().toUpperCase()
}

/** Why a shared review on `reviewedOn` cannot follow filming on `filmedOn`, or null. */
export function reviewBeforeFilmingProblem(filmedOn: CalendarDate, reviewedOn: CalendarDate | null): string | null {
  return reviewedOn && reviewedOn < filmedOn ? 'The shared review cannot be before the date filmed' : null
}

/** Whether something dated `date` would be in the future on `today` (both calendar dates). */
export function isInTheFuture(date: CalendarDate, today: CalendarDate): boolean {
  return date > today
}

/** The minutes of a session as Excel may show a length of time, in words for messages. */
export const DURATION_SHAPES = 'minutes (90) or hours and minutes (1:30 or 01:30:00)'

/**
 * A length of time as a spreadsheet holds it, in whole minutes: '90', '90 min', '1:30' or
 * '01:30:00' (Excel's time format; the seconds must be 00). Null for anything else.
 */
export function parseDuration(text: string): number | null {
  const value = text.trim().toLowerCase()
  const minutes = /^(\d{1,3})\s*(?:m|min|mins|minutes?)?$/.exec(value)
  if (minutes) return Number(minutes[1])
  const clock = /^(\d{1,2}):([0-5]\d)(?::00)?$/.exec(value)
  if (clock) return Number(clock[1]) * 60 + Number(clock[2])
  return null
}

/** Why `minutes` is not a session length Attune accepts, or null. */
export function sessionMinutesProblem(minutes: number): string | null {
  return Number.isInteger(minutes) && minutes >= MIN_SESSION_MINUTES && minutes <= MAX_SESSION_MINUTES
    ? null
    : `A session lasts from ${MIN_SESSION_MINUTES} to ${MAX_SESSION_MINUTES} minutes (usually 60, 90 or 120)`
}
