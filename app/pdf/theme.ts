// Shared look of Attune's printed documents: DejaVu Sans embedded from disk (fonts.server.ts),
// NHS blue, black text on white so they photocopy and print well.
import { StyleSheet } from '@react-pdf/renderer'
import { FONT_FAMILY } from './fonts.server'

export const colours = { blue: '#005eb8', dark: '#212b32', grey: '#4c6272', rule: '#d8dde0', red: '#d5281b' }

export const base = StyleSheet.create({
  // No ligatures: react-pdf 4.9 loses count of characters behind a ligature glyph (lines then break
  // inside words), and copied text would read "ﬁ" for "fi".
  page: { fontFamily: FONT_FAMILY, fontFeatureSettings: { liga: false, clig: false }, fontSize: 10, color: colours.dark, paddingTop: 40, paddingBottom: 56, paddingHorizontal: 44 },
  // Line height goes on body text, never on the Page: there it stops page numbers rendering.
  prose: { lineHeight: 1.4 },
  h1: { fontWeight: 'bold', fontSize: 20, marginBottom: 8, color: colours.dark },
  h2: { fontWeight: 'bold', fontSize: 14, marginTop: 14, marginBottom: 6, color: colours.blue },
  h3: { fontWeight: 'bold', fontSize: 11, marginTop: 10, marginBottom: 4 },
  muted: { color: colours.grey },
  bold: { fontWeight: 'bold' },
  footer: { position: 'absolute', bottom: 24, fontSize: 8, color: colours.grey },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: colours.rule, paddingVertical: 3 },
  headerRow: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: colours.dark, paddingVertical: 3, fontWeight: 'bold' },
  cell: { flex: 1, paddingRight: 6 },
})
