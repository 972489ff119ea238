// The import template: the header row, one example of each kind of row (dates in the one style
// Excel shows UK dates in, day first) and notes on the rule-set keys this Attune knows, so a lead
// can fill it in from their spreadsheet. The columns are documented on the import page; the notes
// (lines starting with #) are ignored when the file is imported.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { DURATION_SHAPES } from '~/domain/evidence-rules'
import { IMPORT_COLUMN_NAMES } from '~/domain/programme-import'
import { findLedProgramme } from '~/models/programme.server'
import { listRuleSets } from '~/models/rule-set.server'
import { requireRole } from '~/utils/auth.server'
import { CSV_NOTE, csvResponse, toCsv, type CsvRow } from '~/utils/csv.server'
import { getDb } from '~/utils/db.server'
import { idParam } from '~/utils/params'
import { found } from '~/utils/http.server'
import { PROGRAMME_ROLES } from '~/models/access.server'

const example = (ruleSetKey: string): CsvRow[] => [
  {
    record_type: 'trainee',
    email: 'sam.jones@example.org',
    name: 'Sam Jones',
    job_title: 'Health visitor',
    rule_set: ruleSetKey,
    current_stage: '1',
    enrolled_on: '01/09/2025',
    registration_paid_on: '01/10/2025',
    supervisor_email: 'supervisor@example.org',
  },
  { record_type: 'stage', email: 'sam.jones@example.org', stage: '0', started_on: '08/09/2025' },
  { record_type: 'stage', email: 'sam.jones@example.org', stage: '1', started_on: '06/10/2025' },
  { record_type: 'cycle', email: 'sam.jones@example.org', client_code: 'SJ-01', filmed_on: '03/11/2025', reviewed_on: '10/11/2025', clip_count: '3' },
  { record_type: 'cycle', email: 'sam.jones@example.org', client_code: 'SJ-01', filmed_on: '01/12/2025', reviewed_on: '' },
  { record_type: 'supervision', email: 'sam.jones@example.org', held_on: '17/11/2025', minutes: '60', format: 'one_to_one', status: 'confirmed' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  const db = await getDb()
  found(await findLedProgramme(db, user, idParam(params.programmeId)))
  const ruleSets = await listRuleSets(db)
  // Notes have no commas or quotes, so that a spreadsheet keeps each on one line starting with #.
  const notes = [
    'Notes (lines starting with # are not imported)',
    'Dates: day first like 24/11/2026. Supervision length: ' + DURATION_SHAPES.replace(/,/g, ''),
    'rule_set: one of these keys',
    ...ruleSets.map((r) => `${r.key}: ${r.name.replace(/[,"]/g, '')} version ${r.version}${r.status === 'retired' ? ' (retired)' : ''}`),
  ]
  const csv = toCsv(IMPORT_COLUMN_NAMES, example(ruleSets[0]?.key ?? '')) + notes.map((note) => `\r\n${CSV_NOTE} ${note}`).join('')
  return csvResponse(csv, 'Attune import template.csv')
}
