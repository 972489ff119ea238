// Concerns: a programme lead or supervisor acknowledges a risk flag with a note, an action plan and
// a review date. Flags are computed afresh from the record, so a flag clears itself the moment its
// condition stops holding; a concern's state is derived from whether its flag still fires.
import type { CalendarDate } from '~/utils/dates'
import type { FlagCode } from './risk'

export type ConcernState = 'open' | 'review_due' | 'resolved' | 'closed'

export interface ConcernLike {
  flagCode: string
  reviewOn: CalendarDate | null
  clearedAt: string | null
}

export function concernState(concern: ConcernLike, firing: ReadonlySet<FlagCode | string>, today: CalendarDate): ConcernState {
  if (concern.clearedAt) return 'closed'
  if (!firing.has(concern.flagCode)) return 'resolved'
  return concern.reviewOn && concern.reviewOn <= today ? 'review_due' : 'open'
}

export const CONCERN_STATE_LABEL: Record<ConcernState, string> = {
  open: 'Being handled',
  review_due: 'Review due',
  resolved: 'Resolved: the flag no longer applies',
  closed: 'Closed',
}

/** How many concerns still need attention (being handled, or due for review), given the flags firing now. */
export function concernsNeedingAttention(concerns: ConcernLike[], firing: ReadonlySet<FlagCode | string>, today: CalendarDate): number {
  return concerns.filter((c) => {
    const state = concernState(c, firing, today)
    return state === 'open' || state === 'review_due'
  }).length
}
