// The one type family of every printed document: DejaVu Sans from the `dejavu-fonts-ttf` package,
// embedded from disk (nothing fetched at run time). It draws Latin with Extended-A/B and
// Vietnamese, Greek, Cyrillic, Armenian, Georgian and Hebrew, so the names of an international
// NHS workforce print as typed (see docs/decisions/0011-real-peoples-data.md).
import { createRequire } from 'node:module'
import { Font } from '@react-pdf/renderer'
import * as fontkit from 'fontkit'

export const FONT_FAMILY = 'DejaVu Sans'

const require = createRequire(import.meta.url)
const fontFile = (name: string) => require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`)

const FACES = [
  { file: 'DejaVuSans', fontWeight: 400, fontStyle: 'normal' },
  { file: 'DejaVuSans-Bold', fontWeight: 700, fontStyle: 'normal' },
  { file: 'DejaVuSans-Oblique', fontWeight: 400, fontStyle: 'italic' },
  { file: 'DejaVuSans-BoldOblique', fontWeight: 700, fontStyle: 'italic' },
] as const

Font.register({
  family: FONT_FAMILY,
  fonts: FACES.map(({ file, fontWeight, fontStyle }) => ({ src: fontFile(file), fontWeight, fontStyle })),
})
Font.registerHyphenationCallback(breakLongToken)

let loaded: Promise<void> | undefined

// Ligatures and presentation forms ("ﬁ", Arabic letter shapes) are drawn for sequences of
// ordinary characters; their glyphs must keep the characters they stand for.
const isCompatibilityForm = (codePoint: number) => String.fromCodePoint(codePoint).normalize('NFKC') !== String.fromCodePoint(codePoint)

/**
 * Loads the four faces once per process, before the first document is drawn. Each face's glyphs
 * are then created from the font's own character map, so every glyph carries the character it
 * draws: fontkit keeps the first glyph object it makes for an id, and react-pdf sometimes makes
 * one with no characters (after drawing "İ", a later "I" came out of pdftotext and copy-paste
 * missing). The text a PDF gives back must be the name that was printed.
 */
export function loadFonts(): Promise<void> {
  loaded ??= Promise.all(
    FACES.map(async ({ fontWeight, fontStyle }) => {
      const descriptor = { fontFamily: FONT_FAMILY, fontWeight, fontStyle }
      await Font.load(descriptor)
      const font = Font.getFont(descriptor)?.data as fontkit.Font | undefined
      for (const codePoint of font?.characterSet ?? []) if (!isCompatibilityForm(codePoint)) font!.glyphForCodePoint(codePoint)
    }),
  ).then(() => undefined)
  return loaded
}

/**
 * Where react-pdf may break one space-free token (it prints a hyphen at each break it uses).
 * Tokens of up to LONGEST_UNBROKEN characters (every word and every part of a name) are never
 * split, so names are never hyphenated; longer ones (links, file names) are cut after `/ ? & = _ .`
 * or every BREAK_EVERY characters so that they wrap inside the page instead of running off it.
 */
export function breakLongToken(token: string): string[] {
  if ([...token].length <= LONGEST_UNBROKEN) return [token]
  const parts: string[] = []
  let part = ''
  for (const char of token) {
    part += char
    if (/[/?&=_.]/.test(char) || [...part].length >= BREAK_EVERY) {
      parts.push(part)
      part = ''
    }
  }
  if (part) parts.push(part)
  return parts
}

/** No name part, and no word of English, Welsh or Polish, is longer than this. */
const LONGEST_UNBROKEN = 35
const BREAK_EVERY = 24

// Every face must draw a character for it to be printed: a name in a bold heading and the same
// name in an italic note must look the same.
const faces = FACES.map(({ file }) => fontkit.openSync(fontFile(file)) as fontkit.Font)
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' })

/** What stands in for a character no face can draw: the "missing character" box, one per character as the reader sees it. */
export const MISSING_CHARACTER = '\u25A1'

// Controls, Latin-1 and Latin Extended-A/B: all drawn by every face, so the common case is quick.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const LATIN_AND_CONTROLS = /^[\u0000-\u024F]+$/u
// Variation selectors and the zero-width joiner only ask for a presentation; they print nothing.
const PRESENTATION_ONLY = /[\uFE0E\uFE0F\u200D]/gu

/**
 * Text as the documents' font can print it: each character as the reader sees it (a grapheme:
 * a letter with its accents, an emoji with its skin tone or joined family) is kept when every
 * face of the font draws all of it, else replaced whole by MISSING_CHARACTER. So an emoji or a
 * script the font lacks never garbles or overprints its neighbours, and never opens a gap.
 * Emoji the font does draw (☺ ❤ ✓ and the smileys of U+1F600–1F64F) print in black and white.
 */
export function printable(text: string): string {
  let out = ''
  for (const { segment } of segmenter.segment(text)) {
    if (LATIN_AND_CONTROLS.test(segment)) {
      out += segment
      continue
    }
    const drawn = segment.replace(PRESENTATION_ONLY, '')
    const drawable = drawn !== '' && [...drawn].every((c) => faces.every((f) => f.hasGlyphForCodePoint(c.codePointAt(0)!)))
    out += drawable ? (drawn === segment ? segment : drawn) : MISSING_CHARACTER
  }
  return out
}
