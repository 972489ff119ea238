// The sustainability plan as a PDF for commissioners, with the same what-if as the page.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { pdfResponse, renderPdf } from '~/pdf/render.server'
import { today } from '~/utils/dates'
import { loadReportRequest } from '~/utils/report-request.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { programme, report, changed } = await loadReportRequest(request, params)
  const pdf = await renderPdf({ document: 'sustainability', props: { report, programmeName: programme.name, whatIf: changed, generatedOn: today() } })
  return pdfResponse(pdf, `Sustainability plan - ${programme.name} - ${report.asOf}.pdf`)
}
