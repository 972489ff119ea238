// A programme as its lead sees it: the one access rule for programme-wide reports, exports and
// imports. A lead reaches only the programmes they lead (programme_leads); an admin reaches all.
import type { Db } from './db-types'
import type { Viewer } from './enrolment.server'

export async function findLedProgramme(db: Db, viewer: Viewer, programmeId: number) {
  return db
    .selectFrom('programmes')
    .select(['programmes.id', 'programmes.organisation_id', 'programmes.name', 'programmes.started_on', 'programmes.funding_ends_on', 'programmes.budget_pence', 'programmes.registration_fee_pence'])
    .where('programmes.id', '=', programmeId)
    .where((eb) => {
      if (viewer.role === 'admin') return eb.val(1).$castTo<boolean>()
      if (viewer.role !== 'lead') return eb.val(0).$castTo<boolean>()
      return eb('programmes.id', 'in', eb.selectFrom('programme_leads').select('programme_leads.programme_id').where('programme_leads.user_id', '=', viewer.id))
    })
    .executeTakeFirst()
}

export type LedProgramme = NonNullable<Awaited<ReturnType<typeof findLedProgramme>>>
