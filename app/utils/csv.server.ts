// CSV in and out, through papaparse: UTF-8 with a byte-order mark (so Excel reads accents and
// curly quotes right), a header row, CRLF line ends, and cells that would start a spreadsheet
// formula (=, +, -, @) escaped so an exported file can never run anything when opened.
import Papa from 'papaparse'

export type CsvValue = string | number | null
export type CsvRow = Record<string, CsvValue>

export function toCsv(columns: readonly string[], rows: CsvRow[]): string {
  const data = rows.map((row) => columns.map((column) => row[column] ?? ''))
  return Papa.BYTE_ORDER_MARK + Papa.unparse({ fields: [...columns], data }, { escapeFormulae: true, newline: '\r\n' })
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
  /** One record per data row; the header row is row 1, so rows[0] is row 2 of the file. */
  rows: Record<string, string>[]
  /** Problems with the file's structure, by row number in the file. */
  problems: { row: number; message: string }[]
}

export function parseCsv(text: string): ParsedCsv {
  const result = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim().toLowerCase(),
    transform: (value) => value.trim(),
  })
  return {
    columns: result.meta.fields ?? [],
    rows: result.data,
    problems: result.errors.map((e) => ({ row: (e.row ?? 0) + 2, message: e.message })),
  }
}
