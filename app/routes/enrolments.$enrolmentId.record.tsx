// A trainee's whole record in one zip: record.json, the evidence as CSV and the portfolio PDF.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { strToU8, zipSync } from 'fflate'
import { EXPORT_COLUMNS } from '~/models/programme-export.server'
import { loadTraineeRecord } from '~/models/trainee-record.server'
import { renderPdf } from '~/pdf/render.server'
import { requireUser } from '~/utils/auth.server'
import { toCsv, zipResponse } from '~/utils/csv.server'
import { today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { idParam } from '~/utils/params'
import { found } from '~/utils/http.server'

const TABLES = ['stages', 'cycles', 'supervision_sessions', 'sign_offs'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const generatedOn = today()
  const record = found(await loadTraineeRecord(await getDb(), user, idParam(params.enrolmentId), generatedOn))
  const files: Record<string, Uint8Array> = {
    'record.json': strToU8(JSON.stringify(record.json, null, 2)),
    'portfolio.pdf': await renderPdf({ document: 'portfolio', portfolio: record.portfolio, generatedOn }),
    ...Object.fromEntries(TABLES.map((t) => [`${t}.csv`, strToU8(toCsv(EXPORT_COLUMNS[t], record.tables[t]))])),
  }
  return zipResponse(zipSync(files, { level: 6 }), `VIG record - ${record.portfolio.traineeName} - ${generatedOn}.zip`)
}
