// The views of the evaluation report (page, PDF, CSV, the evaluator's data) read one request the
// same way: the programme's lead or an admin, the date range parsed with the form's schema
// (default: the programme's start to today), the family-level data and the suppressed report.
// Family-level data never leaves the server except as the evaluator's anonymised CSV.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { evaluationReport } from '~/domain/evaluation'
import { listProgrammeFeedback, loadEvaluationData } from '~/models/evaluation.server'
import { EvaluationRangeSchema } from '~/schemas/evaluation'
import { today } from './dates'
import { readReportQuery, requireLedProgramme } from './programme-request.server'

export async function loadEvaluationRequest(request: Request, params: LoaderFunctionArgs['params']) {
  const { user, db, programme } = await requireLedProgramme(request, params)
  const defaults = { from: programme.started_on, to: today() }
  const { data: range, failure, query } = readReportQuery(request, ['from', 'to'], defaults, EvaluationRangeSchema, defaults)
  const [data, feedback] = await Promise.all([loadEvaluationData(db, programme, range), listProgrammeFeedback(db, programme, range)])
  const report = evaluationReport(range, data, feedback)
  return { user, db, programme, defaults, failure, range, data, report, query }
}
