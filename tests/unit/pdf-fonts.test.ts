import { describe, expect, it } from 'vitest'
import { breakLongToken, MISSING_CHARACTER, printable } from '~/pdf/fonts.server'

describe('printable', () => {
  it.each([
    ['Łucja Wąsowicz', 'Łucja Wąsowicz'],
    ['Nguyễn Thị Ánh', 'Nguyễn Thị Ánh'],
    ['Ελένη, Ольга', 'Ελένη, Ольга'],
    // A letter with a combining accent is one character as read, and printable.
    ['Zoe\u0308', 'Zoe\u0308'],
    // The font's own smiley and heart print; the request for colour (U+FE0F) is dropped.
    ['laughed 😊 and ❤️ –', 'laughed 😊 and ❤ –'],
    // What the font lacks becomes one box per character as read, neighbours untouched.
    ['at our best 👶 – I', `at our best ${MISSING_CHARACTER} – I`],
    ['clip ✅.', `clip ${MISSING_CHARACTER}.`],
    ['family 👩‍👩‍👧 ok', `family ${MISSING_CHARACTER} ok`],
    ['wave 👋🏽 ok', `wave ${MISSING_CHARACTER} ok`],
    ['王芳', `${MISSING_CHARACTER}${MISSING_CHARACTER}`],
    ['line\nbreak\ttab', 'line\nbreak\ttab'],
  ])('%j prints as %j', (text, expected) => {
    expect(printable(text)).toBe(expected)
  })
})

describe('breakLongToken', () => {
  it('never splits a word or a part of a name', () => {
    expect(breakLongToken('Wąsowicz-Kowalczyk')).toEqual(['Wąsowicz-Kowalczyk'])
    expect(breakLongToken('Brzęczyszczykiewicz')).toEqual(['Brzęczyszczykiewicz'])
    expect(breakLongToken('https://example.org/a')).toEqual(['https://example.org/a'])
  })

  it('cuts a long link after its separators, and anything else every 24 characters, losing nothing', () => {
    const link = 'https://northfieldnhs.sharepoint.com/sites/VIGTrainingHealthVisiting/Shared%20Documents/AK-03_review3.mp4?csf=1&web=1'
    const parts = breakLongToken(link)
    expect(parts.join('')).toBe(link)
    expect(parts.slice(0, 4)).toEqual(['https:/', '/', 'northfieldnhs.', 'sharepoint.'])
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(24)
    expect(breakLongToken('x'.repeat(50))).toEqual(['x'.repeat(24), 'x'.repeat(24), 'xx'])
  })
})
