import { describe, expect, it } from 'vitest'
import { describeChange } from '~/utils/audit-wording'
import { toCsv } from '~/utils/csv'
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
  it('quotes every field, doubles quotes, keeps new lines inside quotes and defuses formulas', () => {
    expect(toCsv([['a', 'say "hi"', null, 3], ['=SUM(A1)', '+1', '-x', '@me', 'line\nbreak']])).toBe(
      '"a","say ""hi""","","3"\r\n"\'=SUM(A1)","\'+1","\'-x","\'@me","line\nbreak"\r\n',
    )
  })
})

describe('audit changes in words', () => {
  it('shows what changed from before to after', () => {
    expect(describeChange('{"status":"pending","minutes":60}', '{"status":"confirmed"}')).toBe('status: pending → confirmed; minutes: 60')
    expect(describeChange(null, '{"missing":[],"locked":1}')).toBe('missing: none; locked: 1')
    expect(describeChange(null, null)).toBe('')
  })
})
