// The three views of the sustainability report (page, PDF, CSV) read one request the same way:
// the programme's lead or an admin, the what-if query parsed with the form's schema, the report.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { loadReportSettings, loadSustainabilityReport } from '~/models/sustainability.server'
import { WhatIfSchema } from '~/schemas/report'
import { today } from './dates'
import { readReportQuery, requireLedProgramme } from './programme-request.server'

const FIELDS = ['asOf', 'endsOn', 'capacityHours', 'budgetPounds'] as const

export async function loadReportRequest(request: Request, params: LoaderFunctionArgs['params']) {
  const { db, programme } = await requireLedProgramme(request, params)
  const saved = await loadReportSettings(db, programme)
  const defaults = {
    asOf: today(),
    endsOn: saved.endsOn,
    capacityHours: String(saved.capacityMinutesPerMonth / 60),
    budgetPounds: String(saved.budgetPence / 100),
  }
  // A what-if the schema refuses is shown beside its fields; the numbers stay the saved ones.
  const { data: whatIf, failure, query, differs } = readReportQuery(request, FIELDS, defaults, WhatIfSchema, { asOf: defaults.asOf, ...saved })
  const report = await loadSustainabilityReport(db, programme, whatIf)
  /** The end date, capacity or budget differ from the programme's own. */
  const changed = differs(['endsOn', 'capacityHours', 'budgetPounds'])
  return { programme, defaults, failure, report, query, changed }
}
