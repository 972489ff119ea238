import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeSpreadsheet } from '~/utils/spreadsheet-text.server'

const TEXT = 'record_type,email,name\ntrainee,a@example.org,Siân Ellis\ntrainee,b@example.org,Zoë O’Neill – Early Help\n'
const WIDE = 'record_type,name\ntrainee,Łucja Wąsowicz\ntrainee,Ελένη\ntrainee,Nguyễn Thị Ánh\n'

describe('decoding a spreadsheet file', () => {
  it.each([
    ['UTF-8 with a byte-order mark', iconv.encode(`\uFEFF${WIDE}`, 'utf8'), WIDE, 'UTF-8'],
    ['UTF-8', iconv.encode(WIDE, 'utf8'), WIDE, 'UTF-8'],
    ['UTF-16 LE (Excel “Unicode text”)', iconv.encode(`\uFEFF${WIDE.replace(/,/g, '\t')}`, 'utf16le'), WIDE.replace(/,/g, '\t'), 'UTF-16LE'],
    ['UTF-16 BE', iconv.encode(`\uFEFF${WIDE}`, 'utf16be'), WIDE, 'UTF-16BE'],
    ['Windows-1252 (Excel “CSV (Comma delimited)”)', iconv.encode(TEXT, 'win1252'), TEXT, 'windows-1252'],
  ])('reads %s exactly', (_, bytes, text, encoding) => {
    expect(decodeSpreadsheet(new Uint8Array(bytes))).toEqual({ ok: true, text, encoding })
  })

  it.each([
    ['Cyrillic in Windows-1251', iconv.encode('name\nОльга Иванова\n', 'win1251')],
    ['Polish in Windows-1250', iconv.encode('name\nŁucja Wąsowicz\n', 'win1250')],
    ['Greek in Windows-1253', iconv.encode('name\nΕλένη Παπαδοπούλου\n', 'win1253')],
    ['letters Excel replaced by “?”', iconv.encode('name\n?ucja Wa?owicz,Siân\n', 'win1252')],
    ['UTF-16 without its byte-order mark', iconv.encode('name\nZoë\n', 'utf16le')],
    ['a broken UTF-8 file', new Uint8Array([...iconv.encode('name\nSi', 'utf8'), 0xc3, 0x28, 0x81, 0x8d])],
  ])('refuses %s, saying how to save as CSV UTF-8', (_, bytes) => {
    const answer = decodeSpreadsheet(new Uint8Array(bytes))
    expect(answer.ok).toBe(false)
    expect(!answer.ok && answer.message).toMatch(/“CSV UTF-8 \(Comma delimited\) \(\*\.csv\)”/)
  })
})
