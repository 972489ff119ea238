// The VIG cycle form: filming, then the shared review. A cycle without its review is in progress.
import { z } from 'zod'
import type { Cycle } from '~db/schema'
import { MAX_CLIPS, reviewBeforeFilmingProblem } from '~/domain/evidence-rules'
import { isCalendarDate } from '~/utils/dates'
import { calendarDate, optionalCalendarDate, optionalText, refuseFutureDate, wholeNumber } from './fields'

export function cycleSchema(today: string) {
  return z
    .object({
      client_id: z.coerce.number({ error: 'Choose the client' }).int().positive('Choose the client'),
      filmed_on: calendarDate('the date filmed'),
      reviewed_on: optionalCalendarDate('the date of the shared review'),
      clip_count: wholeNumber('the number of clips', 0, MAX_CLIPS),
      notes: optionalText('notes', 2000),
    })
    .superRefine((v, ctx) => {
      refuseFutureDate(ctx, 'filmed_on', v.filmed_on, today, 'The date filmed cannot be in the future')
      refuseFutureDate(ctx, 'reviewed_on', v.reviewed_on, today, 'The shared review cannot be in the future. Leave it blank until it has happened')
      const reviewProblem = isCalendarDate(v.filmed_on) ? reviewBeforeFilmingProblem(v.filmed_on, v.reviewed_on) : null
      if (reviewProblem) ctx.addIssue({ code: 'custom', path: ['reviewed_on'], message: reviewProblem })
    })
}

export type CycleInput = z.output<ReturnType<typeof cycleSchema>>

export function cycleFormValues(cycle: Pick<Cycle, 'client_id' | 'filmed_on' | 'reviewed_on' | 'clip_count' | 'notes'>) {
  return {
    client_id: String(cycle.client_id),
    filmed_on: cycle.filmed_on,
    reviewed_on: cycle.reviewed_on ?? '',
    clip_count: String(cycle.clip_count),
    notes: cycle.notes,
  }
}
