// The audit trail's filters (by person, by action), read from the page's query string. Anything
// unreadable falls back to "no filter", so an old bookmark never breaks the page.
import { z } from 'zod'

const blankAsNull = (v: unknown) => (v === '' || v === undefined ? null : v)

export const AuditFilterSchema = z.object({
  /** The person who acted (a user id). */
  auditBy: z.preprocess(blankAsNull, z.coerce.number().int().positive().nullable()).catch(null),
  /** The action code, e.g. 'supervision.confirmed'. */
  auditAction: z
    .preprocess(
      blankAsNull,
      z
        .string()
        .max(60)
        .regex(/^[a-z_.]+$/)
        .nullable(),
    )
    .catch(null),
})

export type AuditFilter = z.output<typeof AuditFilterSchema>

/** The audit filter from a request's query string. */
export function auditFilterOf(request: Request): AuditFilter {
  return AuditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
}
