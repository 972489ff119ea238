// The import template: the header row and one example of each kind of row, so a lead can fill it
// in from their spreadsheet. The columns are documented on the import page.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { IMPORT_COLUMN_NAMES } from '~/domain/programme-import'
import { findLedProgramme } from '~/models/programme.server'
import { requireRole } from '~/utils/auth.server'
import { csvResponse, toCsv, type CsvRow } from '~/utils/csv.server'
import { getDb } from '~/utils/db.server'
import { idParam } from '~/utils/params'
import { found } from '~/utils/http.server'
import { PROGRAMME_ROLES } from '~/models/access.server'

const EXAMPLE: CsvRow[] = [
  { record_type: 'trainee', email: 'sam.jones@example.org', name: 'Sam Jones', job_title: 'Health visitor', rule_set: 'aviguk-practitioner-2026', current_stage: '1', enrolled_on: '2025-09-01', registration_paid_on: '2025-10-01', supervisor_email: 'supervisor@example.org' },
  { record_type: 'stage', email: 'sam.jones@example.org', stage: '0', started_on: '2025-09-08' },
  { record_type: 'stage', email: 'sam.jones@example.org', stage: '1', started_on: '2025-10-06' },
  { record_type: 'cycle', email: 'sam.jones@example.org', client_code: 'SJ-01', filmed_on: '2025-11-03', reviewed_on: '10/11/2025', clip_count: '3' },
  { record_type: 'cycle', email: 'sam.jones@example.org', client_code: 'SJ-01', filmed_on: '2025-12-01', reviewed_on: '' },
  { record_type: 'supervision', email: 'sam.jones@example.org', held_on: '2025-11-17', minutes: '60', format: 'one_to_one', status: 'confirmed' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  found(await findLedProgramme(await getDb(), user, idParam(params.programmeId)))
  return csvResponse(toCsv(IMPORT_COLUMN_NAMES, EXAMPLE), 'Attune import template.csv')
}
