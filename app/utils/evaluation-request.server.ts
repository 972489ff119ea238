// The views of the evaluation report (page, PDF, CSV, the evaluator's data) read one request the
// same way: the programme's lead or an admin, the date range parsed with the form's schema
// (default: the programme's start to today), the family-level data and the suppressed report.
// Family-level data never leaves the server except as the evaluator's anonymised CSV.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { evaluationReport } from '~/domain/evaluation'
import { listProgrammeFeedback, loadEvaluationData } from '~/models/evaluation.server'
import { findLedProgramme } from '~/models/programme.server'
import { EvaluationRangeSchema } from '~/schemas/evaluation'
import { requireRole } from './auth.server'
import { today } from './dates'
import { getDb } from './db.server'
import { parseValues, type FormFailure } from './forms.server'
import { found } from './http.server'
import { PROGRAMME_ROLES } from '~/models/access.server'
import { idParam } from './params'

export async function loadEvaluationRequest(request: Request, params: LoaderFunctionArgs['params']) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  const db = await getDb()
  const programme = found(await findLedProgramme(db, user, idParam(params.programmeId)))
  const defaults = { from: programme.started_on, to: today() }
  const url = new URL(request.url)
  const asked = Object.fromEntries((['from', 'to'] as const).flatMap((f) => (url.searchParams.has(f) ? [[f, url.searchParams.get(f)!]] : [])))
  const parsed = parseValues({ ...defaults, ...asked }, EvaluationRangeSchema)
  const failure: FormFailure | null = parsed.ok ? null : parsed.failure
  const range = parsed.ok ? parsed.data : defaults
  const [data, feedback] = await Promise.all([loadEvaluationData(db, programme, range), listProgrammeFeedback(db, programme, range)])
  const report = evaluationReport(range, data, feedback)
  const query = range.from !== defaults.from || range.to !== defaults.to ? `?${new URLSearchParams(range)}` : ''
  return { user, db, programme, defaults, failure, range, data, report, query }
}
