// The trainee table's filters and sort, read from the page's query string. Anything unreadable
// falls back to "no filter", so an old bookmark never breaks the page.
import { z } from 'zod'
import { SEVERITY_FILTERS, SORTS } from '~/domain/dashboard'

const optionalNumber = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number().int().nonnegative().nullable()).catch(null)

export const TableQuerySchema = z.object({
  stage: optionalNumber,
  severity: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(SEVERITY_FILTERS).nullable()).catch(null),
  supervisorId: optionalNumber,
  sort: z.enum(SORTS).catch('risk'),
  /** The page of the table (the lead's programme page pages its table on the server). */
  page: z.coerce.number().int().min(1).catch(1).default(1),
})
