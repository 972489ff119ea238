// Shared look of Attune's printed documents: built-in Helvetica (no font download), NHS blue,
// black text on white so they photocopy and print well.
import { Font, StyleSheet } from '@react-pdf/renderer'

// Names and places must never be split across lines with a hyphen.
Font.registerHyphenationCallback((word) => [word])

export const colours = { blue: '#005eb8', dark: '#212b32', grey: '#4c6272', rule: '#d8dde0', red: '#d5281b' }

export const base = StyleSheet.create({
  page: { fontFamily: 'Helvetica', fontSize: 10, color: colours.dark, paddingTop: 40, paddingBottom: 56, paddingHorizontal: 44 },
  // Line height goes on body text, never on the Page: there it stops page numbers rendering.
  prose: { lineHeight: 1.4 },
  h1: { fontFamily: 'Helvetica-Bold', fontSize: 20, marginBottom: 8, color: colours.dark },
  h2: { fontFamily: 'Helvetica-Bold', fontSize: 14, marginTop: 14, marginBottom: 6, color: colours.blue },
  h3: { fontFamily: 'Helvetica-Bold', fontSize: 11, marginTop: 10, marginBottom: 4 },
  muted: { color: colours.grey },
  bold: { fontFamily: 'Helvetica-Bold' },
  footer: { position: 'absolute', bottom: 24, fontSize: 8, color: colours.grey },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: colours.rule, paddingVertical: 3 },
  headerRow: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: colours.dark, paddingVertical: 3, fontFamily: 'Helvetica-Bold' },
  cell: { flex: 1, paddingRight: 6 },
})
