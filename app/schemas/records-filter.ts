// The supervisor's GET filters (issue 12): the caseload by name and status, and one trainee's records
// by client code, date range and status. Read from the query string; anything unreadable falls back
// to "no filter", so a hand-edited or old link never breaks the page.
import { z } from 'zod'
import { isCalendarDate } from '~/utils/dates'

const optionalSearch = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v.trim().slice(0, max) : ''), z.string()).transform((v) => (v === '' ? null : v))

const optionalDate = z.preprocess((v) => (typeof v === 'string' && isCalendarDate(v.trim()) ? v.trim() : null), z.string().nullable())

/** What the caseload's status filter offers: where each trainee stands. */
export const CASELOAD_STATUSES = ['active', 'awaiting_accreditation', 'accredited', 'paused', 'withdrawn'] as const
export type CaseloadStatus = (typeof CASELOAD_STATUSES)[number]
export const CASELOAD_STATUS_LABEL: Record<CaseloadStatus, string> = {
  active: 'Working on a stage',
  awaiting_accreditation: 'Signed off, awaiting accreditation',
  accredited: 'Accredited',
  paused: 'Paused',
  withdrawn: 'Withdrawn',
}

export const CaseloadQuerySchema = z.object({
  name: optionalSearch(100),
  status: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(CASELOAD_STATUSES).nullable()).catch(null),
})
export type CaseloadQuery = z.output<typeof CaseloadQuerySchema>

/** A record's standing, across kinds: waiting (a session to confirm, a cycle awaiting its review, a reflection unread), done, or returned. */
export const RECORD_STATUSES = ['waiting', 'done', 'returned'] as const
export type RecordStatus = (typeof RECORD_STATUSES)[number]
export const RECORD_STATUS_LABEL: Record<RecordStatus, string> = {
  waiting: 'Waiting: to confirm, read or review',
  done: 'Done',
  returned: 'Returned sessions',
}

export const RecordsQuerySchema = z
  .object({
    client: optionalSearch(20),
    from: optionalDate,
    to: optionalDate,
    status: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(RECORD_STATUSES).nullable()).catch(null),
  })
  // A range typed back to front is read the right way round.
  .transform((q) => (q.from && q.to && q.from > q.to ? { ...q, from: q.to, to: q.from } : q))
export type RecordsQuery = z.output<typeof RecordsQuerySchema>

/** Whether any records filter is set (the page then says how many records it shows). */
export function recordsFiltered(query: RecordsQuery): boolean {
  return Boolean(query.client || query.from || query.to || query.status)
}
