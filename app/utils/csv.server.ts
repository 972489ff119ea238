// CSV in and out, through papaparse: UTF-8 with a byte-order mark (so Excel reads accents and
// curly quotes right), a header row, CRLF line ends, and cells that would start a spreadsheet
// formula (=, +, -, @) escaped so an exported file can never run anything when opened.
import Papa from 'papaparse'

const FORMULA_START = /^[=+\-@\t\r]/

export type CsvValue = string | number | null
export type CsvRow = Record<string, CsvValue>

export function toCsv(columns: readonly string[], rows: CsvRow[]): string {
  const data = rows.map((row) => columns.map((column) => row[column] ?? ''))
  // Our own pattern: papaparse's default (/^[=+\-@\t\r].*$/) misses a formula cell that contains a line break.
  return Papa.BYTE_ORDER_MARK + Papa.unparse({ fields: [...columns], data }, { escapeFormulae: FORMULA_START, newline: '\r\n' })
}

export function csvResponse(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${safeFilename(filename)}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}

export function zipResponse(bytes: Uint8Array, filename: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${safeFilename(filename)}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}

export function safeFilename(name: string): string {
  return name.replace(/[^\w.\- ]/g, '_')
}

export interface ParsedCsv {
  /** Header names as written, trimmed and lower-cased. */
  columns: string[]
  /** Data rows, numbered as a spreadsheet numbers them: the header is row 1. Blank rows are left out. */
  rows: { row: number; values: Record<string, string> }[]
  /** Problems with the file's shape, by row. */
  problems: { row: number; column: null; message: string }[]
}

/** Lines starting with this are notes for people (the import template's), not rows. */
export const CSV_NOTE = '#'

export function parseCsv(text: string): ParsedCsv {
  const result = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, comments: CSV_NOTE, transform: (value) => value.trim() })
  const [header = [], ...records] = result.data
  const columns = header.map((h) => h.trim().toLowerCase())
  // A file of one column has no delimiter to detect: that is not a problem with its rows.
  const problems: ParsedCsv['problems'] = result.errors.filter((e) => e.type !== 'Delimiter').map((e) => ({ row: (e.row ?? 0) + 1, column: null, message: e.message }))
  const rows: ParsedCsv['rows'] = []
  records.forEach((cells, i) => {
    const row = i + 2
    if (cells.every((cell) => cell === '')) return
    if (cells.slice(columns.length).some((cell) => cell !== '')) {
      problems.push({ row, column: null, message: `the row has ${cells.length} cells but the header row names ${columns.length} columns` })
      return
    }
    rows.push({ row, values: Object.fromEntries(columns.map((column, c) => [column, cells[c] ?? ''])) })
  })
  return { columns, rows, problems }
}
