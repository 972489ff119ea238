// The evaluation as a PDF for commissioners, for the same dates as the page.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { pdfResponse, renderPdf } from '~/pdf/render.server'
import { today } from '~/utils/dates'
import { loadEvaluationRequest } from '~/utils/evaluation-request.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { programme, report } = await loadEvaluationRequest(request, params)
  const pdf = await renderPdf({ document: 'evaluation', props: { report, programmeName: programme.name, generatedOn: today() } })
  return pdfResponse(pdf, `Evaluation - ${programme.name} - ${report.range.from} to ${report.range.to}.pdf`)
}
