// A programme's records as CSV: a zip of every table, or one table with ?table=cycles (and
// ?table=import for the whole cohort in the import's own format).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { zipSync, strToU8 } from 'fflate'
import { findLedProgramme } from '~/models/programme.server'
import { asImportRows, EXPORT_COLUMNS, EXPORT_TABLES, exportTables, programmeEnrolmentIds, type ExportTable } from '~/models/programme-export.server'
import { requireRole } from '~/utils/auth.server'
import { csvResponse, toCsv, zipResponse } from '~/utils/csv.server'
import { today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { idParam } from '~/utils/params'
import { found, notFound } from '~/utils/http.server'
import { PROGRAMME_ROLES } from '~/models/access.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  const db = await getDb()
  const programme = found(await findLedProgramme(db, user, idParam(params.programmeId)))
  const tables = await exportTables(db, await programmeEnrolmentIds(db, programme.id))
  const files: Record<string, string> = Object.fromEntries(EXPORT_TABLES.map((t) => [`${t}.csv`, toCsv(EXPORT_COLUMNS[t], tables[t])]))
  const importFile = asImportRows(tables)
  files['import.csv'] = toCsv(importFile.columns, importFile.rows)

  const table = new URL(request.url).searchParams.get('table')
  const name = `${programme.name} - ${today()}`
  if (table === null) return zipResponse(zipSync(Object.fromEntries(Object.entries(files).map(([file, csv]) => [file, strToU8(csv)]))), `Records - ${name}.zip`)
  if (table !== 'import' && !EXPORT_TABLES.includes(table as ExportTable)) throw notFound()
  return csvResponse(files[`${table}.csv`], `${table} - ${name}.csv`)
}
