import { describe, expect, it } from 'vitest'
import { toCsv } from '~/utils/csv.server'
import { formatPence, penceFromPounds, poundsFromPence } from '~/utils/money'

describe('money', () => {
  it.each([
    ['640', 64000],
    ['£1,250.50', 125050],
    ['24000', 2400000],
    ['0.5', 50],
    ['6.4.0', null],
    ['1,25', null],
    ['-5', null],
    ['', null],
  ])('reads %s as %s pence', (text, pence) => {
    expect(penceFromPounds(text)).toBe(pence)
  })

  it('writes pounds back for forms and people', () => {
    expect(poundsFromPence(64000)).toBe('640')
    expect(poundsFromPence(64050)).toBe('640.50')
    expect(formatPence(2400000)).toBe('£24,000')
    expect(formatPence(64050)).toBe('£640.50')
  })
})

describe('CSV', () => {
  it('writes a header row, doubles quotes, keeps new lines inside quotes and defuses formulas', () => {
    const csv = toCsv(
      ['a', 'b', 'c'],
      [
        { a: 'say "hi"', b: null, c: 3 },
        { a: '=SUM(A1)', b: '+1', c: 'line\nbreak' },
      ],
    )
    expect(csv).toBe('\ufeffa,b,c\r\n"say ""hi""",,3\r\n"\'=SUM(A1)","\'+1","line\nbreak"')
  })
})
