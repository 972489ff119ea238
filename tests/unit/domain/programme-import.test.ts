import { describe, expect, it } from 'vitest'
import { isAnonymousClientCode } from '~/domain/programme-import'
import { parseSpreadsheetDate } from '~/utils/dates'

describe('dates typed into a spreadsheet', () => {
  it.each([
    ['2026-03-24', '2026-03-24'],
    ['24/03/2026', '2026-03-24'],
    ['4/3/2026', '2026-03-04'],
    [' 2026-03-24 ', '2026-03-24'],
    ['2026-02-29', null],
    ['29/02/2028', '2028-02-29'],
    ['31/04/2026', null],
    ['24/03/26', null],
    ['03/24/2026', null],
    ['24 Mar 2026', null],
    ['', null],
  ])('%j is %j', (text, expected) => {
    expect(parseSpreadsheetDate(text)).toBe(expected)
  })
})

describe('anonymised client codes', () => {
  it.each([
    ['AK-01', true],
    ['fa01', true],
    ['C7', true],
    ['Jane Smith', false],
    ['Jane', false],
    ['SMITH-FAMILY-2', false],
    ['A', false],
    ['-01', false],
    ['AB_01', false],
  ])('%j is anonymous: %j', (code, expected) => {
    expect(isAnonymousClientCode(code)).toBe(expected)
  })
})
