import { describe, expect, it } from 'vitest'
import { clientCodeIdentity, clientCodeProblem, parseDuration } from '~/domain/evidence-rules'
import { parseSpreadsheetDate } from '~/utils/dates'

describe('dates typed into a spreadsheet, or rewritten by Excel from UK dates', () => {
  it.each([
    ['2026-03-24', '2026-03-24'],
    ['24/03/2026', '2026-03-24'],
    ['4/3/2026', '2026-03-04'],
    [' 2026-03-24 ', '2026-03-24'],
    ['03/11/2026', '2026-11-03'],
    ['3/11/26', '2026-11-03'],
    ['24/03/26', '2026-03-24'],
    ['03-Nov-26', '2026-11-03'],
    ['3-nov-2026', '2026-11-03'],
    ['24 Mar 2026', '2026-03-24'],
    ['24 March 2026', '2026-03-24'],
    ['24-Sept-2026', '2026-09-24'],
    ['24-11-2026', '2026-11-24'],
    ['24.11.2026', '2026-11-24'],
    ['2026-02-29', null],
    ['29/02/2028', '2028-02-29'],
    ['29/02/27', null],
    ['31/04/2026', null],
    ['03/24/2026', null], // US order: there is no 24th month
    ['24 Marc 2026', null],
    ['46329', null],
    ['', null],
  ])('%j is %j', (text, expected) => {
    expect(parseSpreadsheetDate(text)).toBe(expected)
  })
})

describe('lengths of time typed into a spreadsheet, or rewritten by Excel', () => {
  it.each([
    ['90', 90],
    ['60', 60],
    ['90 min', 90],
    ['1:30', 90],
    ['01:30', 90],
    ['01:30:00', 90],
    ['2:00:00', 120],
    ['0:45', 45],
    ['1:30:15', null],
    ['1.5', null],
    ['1h30', null],
    ['', null],
  ])('%j is %j minutes', (text, expected) => {
    expect(parseDuration(text)).toBe(expected)
  })
})

describe('client codes in an import follow the client form’s rules', () => {
  it.each([
    ['AK-01', null],
    ['fa01', null],
    ['C7', null],
    ['Jane Smith', /looks like a name/],
    ['Jane', /looks like a name/],
    ['SMITH-FAMILY-2', /looks like a name/],
    ['07700 900123', /phone number/],
    ['943 476 5919', /NHS number/],
    ['jo@example.org', /email address/],
  ])('%j: %s', (code, expected) => {
    const problem = clientCodeProblem(code)
    if (expected === null) expect(problem).toBeNull()
    else expect(problem).toMatch(expected)
  })

  it('treats a code in any case as the same client', () => {
    expect(clientCodeIdentity(' sj-01 ')).toBe('SJ-01')
    expect(clientCodeIdentity('SJ-01')).toBe(clientCodeIdentity('sj-01'))
  })
})
