// The sustainability report's tables as CSV, with the same what-if as the page (?table=months|quarters).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { csvResponse, toCsv } from '~/utils/csv.server'
import { REPORT_TABLES, reportTable, type ReportTable } from '~/utils/report-csv'
import { loadReportRequest } from '~/utils/report-request.server'
import { notFound } from '~/utils/http.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { programme, report } = await loadReportRequest(request, params)
  const asked = new URL(request.url).searchParams.get('table') ?? 'trainees'
  if (!REPORT_TABLES.includes(asked as ReportTable)) throw notFound()
  const { columns, rows } = reportTable(report, asked as ReportTable)
  return csvResponse(toCsv(columns, rows), `Sustainability plan - ${programme.name} - ${asked} - ${report.asOf}.csv`)
}
