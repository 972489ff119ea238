// Implausible evidence (issue 11): eight hours of supervision, or nine shared reviews, logged on one
// day are probably a mistyped date or a session logged twice. Attune never refuses them (a long
// group day can be real); it warns the trainee after logging and the supervisor beside the session
// to confirm. The limits are rule-set data (RiskThresholds.maxSupervisionMinutesPerDay and
// maxSharedReviewsPerDay; defaults 5 hours and 4 shared reviews, db/seed/rule-sets.ts).
import type { CalendarDate } from '~/utils/dates'
import { formatDate } from '~/utils/dates'
import type { StageEvidence } from './readiness'
import type { RiskThresholds } from './rule-set'
import { minutesInWords, plural } from './wording'

export type PlausibilityLimits = Pick<RiskThresholds, 'maxSupervisionMinutesPerDay' | 'maxSharedReviewsPerDay'>

/** What was logged on one calendar day: supervision minutes (pending or confirmed) and shared reviews. */
export interface DayEvidence {
  date: CalendarDate
  supervisionMinutes: number
  sharedReviews: number
}

export interface ImplausibleEvidence {
  date: CalendarDate
  kind: 'supervision' | 'shared_reviews'
  /** Minutes of supervision, or a number of shared reviews. */
  amount: number
  limit: number
  /** For the trainee or supervisor, in plain English. */
  message: string
}

/**
 * Days whose evidence passes the rule set's plausibility limits, oldest first, supervision before
 * shared reviews on the same day. A day at the limit is plausible; only more than it warns.
 */
export function implausibleEvidence(limits: PlausibilityLimits, days: DayEvidence[]): ImplausibleEvidence[] {
  return [...days]
    .sort((a, b) => a.date.localeCompare(b.date))
    .flatMap((day) => {
      const found: ImplausibleEvidence[] = []
      if (day.supervisionMinutes > limits.maxSupervisionMinutesPerDay) {
        found.push({
          date: day.date,
          kind: 'supervision',
          amount: day.supervisionMinutes,
          limit: limits.maxSupervisionMinutesPerDay,
          message: `${minutesInWords(day.supervisionMinutes)} of supervision are logged on ${formatDate(day.date)}, more than the ${minutesInWords(limits.maxSupervisionMinutesPerDay)} a day that is usual. Check the dates and that no session is logged twice.`,
        })
      }
      if (day.sharedReviews > limits.maxSharedReviewsPerDay) {
        found.push({
          date: day.date,
          kind: 'shared_reviews',
          amount: day.sharedReviews,
          limit: limits.maxSharedReviewsPerDay,
          message: `${plural(day.sharedReviews, 'shared review')} are logged on ${formatDate(day.date)}, more than the ${plural(limits.maxSharedReviewsPerDay, 'shared review')} a day that is usual. Check the shared review dates.`,
        })
      }
      return found
    })
}

/**
 * An enrolment's evidence totalled per calendar day: the minutes of supervision sessions that are
 * pending or confirmed (a returned session no longer claims its day; training logged in place of
 * supervision is not supervision) by the day held, and the cycles
 * with a shared review by the day reviewed. Days with neither are left out.
 */
export function evidenceByDay(evidence: Pick<StageEvidence, 'cycles' | 'supervision'>): DayEvidence[] {
  const days = new Map<CalendarDate, DayEvidence>()
  const day = (date: CalendarDate) => days.get(date) ?? days.set(date, { date, supervisionMinutes: 0, sharedReviews: 0 }).get(date)!
  for (const s of evidence.supervision) if (s.status !== 'returned' && s.kind !== 'training') day(s.heldOn).supervisionMinutes += s.minutes
  for (const c of evidence.cycles) if (c.reviewedOn) day(c.reviewedOn).sharedReviews += 1
  return [...days.values()]
}

/** The warnings for an enrolment's evidence on the given days only (the days of the records a page shows). */
export function implausibleOn(limits: PlausibilityLimits, evidence: Pick<StageEvidence, 'cycles' | 'supervision'>, dates: (CalendarDate | null)[]): ImplausibleEvidence[] {
  const wanted = new Set(dates)
  return implausibleEvidence(
    limits,
    evidenceByDay(evidence).filter((d) => wanted.has(d.date)),
  )
}
