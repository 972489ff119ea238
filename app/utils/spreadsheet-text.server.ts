// Reading a spreadsheet file's bytes as text, however Excel saved it: "CSV UTF-8" (with or without
// a byte-order mark), "Unicode text" (UTF-16 with tabs) or plain "CSV (Comma delimited)", which
// writes Windows-1252 on a UK PC. The encoding is detected with chardet and decoded with
// iconv-lite; when it cannot be known, the file is refused with how to save it as CSV UTF-8. Text
// with a replacement character (U+FFFD) is never returned, so none can be stored (ADR 0011).
import chardet from 'chardet'
import iconv from 'iconv-lite'

export type DecodedSpreadsheet = { ok: true; text: string; encoding: string } | { ok: false; message: string }

export const SAVE_AS_UTF8 = 'In Excel, choose File, Save As, and the type “CSV UTF-8 (Comma delimited) (*.csv)”, then check the new file'

// Western European single-byte encodings: Excel's "CSV (Comma delimited)" on a UK or Irish PC.
// Windows-1252 is decoded for all of them: it is ISO-8859-1 with curly quotes and dashes added.
const WESTERN = new Set(['windows-1252', 'ISO-8859-1', 'ISO-8859-15'])
// Bytes Windows-1252 leaves undefined: a file holding them was written in some other encoding.
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d])
// A symbol glued to a letter (“£ucja”, “Wa¹sowicz”, “Ko³odziej”) is what a Central European file
// (Windows-1250) looks like read as Windows-1252. Apostrophes, quotes and dashes are ordinary.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const SYMBOL_IN_A_WORD = /\p{L}[^\p{L}\p{M}\p{N}\s\p{P}\x00-\x7f]|[^\p{L}\p{M}\p{N}\s\p{P}\x00-\x7f]\p{L}/u
// Excel writes "?" for each letter Windows-1252 cannot hold: “?ucja Wa?owicz”.
const LETTER_LOST = /(?:^|[\s,;\t])\?\p{L}|\p{L}\?\p{L}/u
// A word mostly of accented letters (“Îëüãà”) is another alphabet (Cyrillic, Greek) read as Windows-1252:
// Western European names have more plain letters than accented ones.
const WORDS = /\p{L}{3,}/gu
const mostlyAccented = (word: string) => word.replace(/[a-z]/gi, '').length > word.length / 2

/**
 * The text of an uploaded spreadsheet file, or why it cannot be read. A byte-order mark decides
 * (UTF-8, UTF-16 LE/BE); otherwise valid UTF-8 is UTF-8; otherwise chardet's best guess, trusted
 * only for Western European single-byte text (Windows-1252) that reads as words. Anything else
 * (another alphabet's single-byte encoding, UTF-16 without its mark) is refused: guessing wrong
 * would silently change people's names.
 */
export function decodeSpreadsheet(bytes: Uint8Array): DecodedSpreadsheet {
  const encoding = byteOrderMark(bytes) ?? (isUtf8(bytes) ? 'UTF-8' : chardet.detect(bytes))
  const refuse = (why: string): DecodedSpreadsheet => ({ ok: false, message: `${why}. ${SAVE_AS_UTF8}` })
  if (encoding === 'UTF-8' || encoding === 'UTF-16LE' || encoding === 'UTF-16BE') {
    const text = iconv.decode(Buffer.from(bytes), encoding) // strips the byte-order mark
    if (text.includes('\uFFFD') || text.includes('\u0000')) return refuse('Some letters in this file could not be read')
    return { ok: true, text, encoding }
  }
  // A NUL byte is no letter of any single-byte text: UTF-16 that lost its byte-order mark.
  if (!encoding || !WESTERN.has(encoding) || bytes.some((b) => b === 0 || UNDEFINED_IN_1252.has(b))) {
    return refuse(`Attune cannot tell how the letters in this file are written${encoding ? ` (it may be ${encoding})` : ''}, so names could come out wrong`)
  }
  const text = iconv.decode(Buffer.from(bytes), 'windows-1252')
  if (LETTER_LOST.test(text)) return refuse('Some letters in this file were replaced by “?” when it was saved, so names would be wrong')
  if (SYMBOL_IN_A_WORD.test(text) || (text.match(WORDS) ?? []).some(mostlyAccented)) {
    return refuse('Some names in this file would come out wrong: it was probably saved for another alphabet')
  }
  return { ok: true, text, encoding: 'windows-1252' }
}

function byteOrderMark(bytes: Uint8Array): 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'UTF-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE'
  return null
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes)
    return !bytes.includes(0)
  } catch {
    return false
  }
}
