// The three views of the sustainability report (page, PDF, CSV) read one request the same way:
// the programme's lead or an admin, the what-if query parsed with the form's schema, the report.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { findLedProgramme } from '~/models/programme.server'
import { loadReportSettings, loadSustainabilityReport } from '~/models/sustainability.server'
import { WhatIfSchema } from '~/schemas/report'
import { requireRole } from './auth.server'
import { today } from './dates'
import { getDb } from './db.server'
import { parseValues, type FormFailure } from './forms.server'
import { idParam } from './params'
import { found } from './http.server'
import { PROGRAMME_ROLES } from '~/models/access.server'

const FIELDS = ['asOf', 'endsOn', 'capacityHours', 'budgetPounds'] as const

export async function loadReportRequest(request: Request, params: LoaderFunctionArgs['params']) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  const db = await getDb()
  const programme = found(await findLedProgramme(db, user, idParam(params.programmeId)))
  const saved = await loadReportSettings(db, programme)
  const defaults = {
    asOf: today(),
    endsOn: saved.endsOn,
    capacityHours: String(saved.capacityMinutesPerMonth / 60),
    budgetPounds: String(saved.budgetPence / 100),
  }
  const url = new URL(request.url)
  const asked = Object.fromEntries(FIELDS.flatMap((f) => (url.searchParams.has(f) ? [[f, url.searchParams.get(f)!]] : [])))
  const parsed = parseValues({ ...defaults, ...asked }, WhatIfSchema)
  // A what-if the schema refuses is shown beside its fields; the numbers stay the saved ones.
  const failure: FormFailure | null = parsed.ok ? null : parsed.failure
  const whatIf = parsed.ok ? parsed.data : { asOf: defaults.asOf, ...saved }
  const report = await loadSustainabilityReport(db, programme, whatIf)
  const differs = (fields: readonly (typeof FIELDS)[number][]) => parsed.ok && fields.some((f) => asked[f] !== undefined && asked[f] !== defaults[f])
  // The same what-if (and as-of date) travels to the PDF and CSV links.
  const query = parsed.ok && differs(FIELDS) ? `?${new URLSearchParams(parsed.values as Record<string, string>)}` : ''
  /** The end date, capacity or budget differ from the programme's own. */
  const changed = differs(['endsOn', 'capacityHours', 'budgetPounds'])
  return { programme, defaults, failure, report, query, changed }
}
