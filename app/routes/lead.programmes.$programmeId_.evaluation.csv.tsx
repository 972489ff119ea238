// The evaluation's figures per measure as CSV, for the same dates as the page (?from=&to=).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { csvResponse, toCsv } from '~/utils/csv.server'
import { evaluationFiguresCsv } from '~/utils/evaluation-csv'
import { loadEvaluationRequest } from '~/utils/evaluation-request.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { programme, report, range } = await loadEvaluationRequest(request, params)
  const { columns, rows } = evaluationFiguresCsv(report)
  return csvResponse(toCsv(columns, rows), `Evaluation - ${programme.name} - ${range.from} to ${range.to}.csv`)
}
