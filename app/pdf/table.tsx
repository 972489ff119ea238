import { View } from '@react-pdf/renderer'
import { PdfText } from './text'
import { base } from './theme'

/** A simple printable table; `widths` are flex weights per column. */
export function PdfTable({ headers, rows, widths, empty }: { headers: string[]; rows: string[][]; widths?: number[]; empty: string }) {
  if (rows.length === 0) return <PdfText style={base.muted}>{empty}</PdfText>
  const cell = (i: number) => [base.cell, { flex: widths?.[i] ?? 1 }]
  return (
    <View>
      <View style={base.headerRow} fixed>
        {headers.map((h, i) => (
          <PdfText key={h} style={cell(i)}>
            {h}
          </PdfText>
        ))}
      </View>
      {rows.map((row, r) => (
        <View key={r} style={base.row} wrap={false}>
          {row.map((value, i) => (
            <PdfText key={i} style={cell(i)}>
              {value}
            </PdfText>
          ))}
        </View>
      ))}
    </View>
  )
}
