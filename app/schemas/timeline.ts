// The trainee's timeline filters, read from the page's query string (a GET form). Anything
// unreadable falls back to "no filter", so an old bookmark never breaks the page.
import { z } from 'zod'

export const TIMELINE_KINDS = ['client', 'cycle', 'session', 'reflection'] as const
export type TimelineKind = (typeof TIMELINE_KINDS)[number]

/** What each kind of record is called in the filter. */
export const TIMELINE_KIND_LABEL: Record<TimelineKind, string> = { client: 'Clients', cycle: 'Cycles', session: 'Supervision', reflection: 'Reflections' }

export const TimelineFilterSchema = z.object({
  stage: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number().int().min(0).max(99).nullable()).catch(null),
  kind: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(TIMELINE_KINDS).nullable()).catch(null),
})
export type TimelineFilter = z.infer<typeof TimelineFilterSchema>
