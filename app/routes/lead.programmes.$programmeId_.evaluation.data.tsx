// The anonymised scores for an external evaluator: one row per family and measure, no codes, no
// practitioners, no dates (app/utils/evaluation-csv.ts). Families who consented to evaluation only.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { csvResponse, toCsv } from '~/utils/csv.server'
import { evaluationDataCsv } from '~/utils/evaluation-csv'
import { loadEvaluationRequest } from '~/utils/evaluation-request.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { programme, data, range } = await loadEvaluationRequest(request, params)
  const { columns, rows } = evaluationDataCsv(data)
  return csvResponse(toCsv(columns, rows), `Evaluation data - ${programme.name} - ${range.from} to ${range.to}.csv`)
}
