// CSV as spreadsheets read it (RFC 4180): every field quoted, quotes doubled, CRLF line ends.
// No CSV library is installed and this is all the app needs. A field that a spreadsheet would run
// as a formula (starting with = + - @ or a tab) is prefixed with an apostrophe, because exported
// audit rows carry text people typed.

export type CsvCell = string | number | null | undefined

export function toCsv(rows: CsvCell[][]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}

function csvField(cell: CsvCell): string {
  const text = cell == null ? '' : String(cell)
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return `"${safe.replace(/"/g, '""')}"`
}
