import { describe, expect, it } from 'vitest'
import { clientCodeProblem, identifyingDetailProblem, isValidNhsNumber } from '~/domain/client-code'

describe('client codes that keep the family anonymous', () => {
  it.each(['FAM-07', 'AK-01', 'B3', 'TOM-2', 'ak-01', 'P 12', 'HV/03', 'AK-12345', 'X', 'fam-07', 'tom'])('accepts %s', (code) => {
    expect(clientCodeProblem(code)).toBeNull()
  })

  it.each([
    ['Jane', /“Jane” looks like a name/],
    ['Jane Smith', /“Jane” looks like a name/],
    ['JANE-01', /“JANE” looks like a name/],
    ['smith2', /“smith” looks like a name/],
    ['Amy-1', /“Amy” looks like a name/],
    ['Jo 3', /“Jo” looks like a name/],
  ])('refuses %s as a name', (code, message) => {
    expect(clientCodeProblem(code)).toMatch(message)
  })

  it.each(['jane@example.com', 'a@b', 'AK@01'])('refuses %s as an email address', (code) => {
    expect(clientCodeProblem(code)).toMatch(/email address/)
  })

  it.each(['07700900123', '07700 900123', '0161 4960000', '+447700900123', '02079460000'])('refuses %s as a phone number', (code) => {
    expect(clientCodeProblem(code)).toMatch(/phone number/)
  })

  it.each(['9434765919', '943 476 5919', '943-476-5919', '4010232137'])('refuses %s as an NHS number', (code) => {
    expect(clientCodeProblem(code)).toMatch(/NHS number/)
  })

  it.each(['120324', 'AK-120324', '9434765918'])('refuses %s as an identifying number', (code) => {
    expect(clientCodeProblem(code)).toMatch(/Long numbers can identify someone/)
  })

  it.each([
    ['', 'Enter a client code'],
    ['   ', 'Enter a client code'],
    ['AK 01 HV 2026', /12 characters or fewer/],
    ['AK#01', /Use only letters, numbers/],
  ])('explains %j', (code, message) => {
    expect(clientCodeProblem(code)).toMatch(message)
  })
})

describe('NHS number check digit (Modulus 11)', () => {
  it.each([
    ['9434765919', true],
    ['943 476 5919', true],
    ['4010232137', true],
    ['9876543210', true],
    ['9434765918', false],
    ['123456789', false],
    ['94347659190', false],
    ['abcdefghij', false],
  ])('%s is valid: %s', (text, valid) => {
    expect(isValidNhsNumber(text)).toBe(valid)
  })

  it('refuses numbers whose check digit would be 10', () => {
    // 1, 0, 0, 0, 0, 0, 0, 0, 1: sum = 10 + 2 = 12, remainder 1, 11 - 1 = 10: never a valid NHS number.
    for (let last = 0; last <= 9; last++) expect(isValidNhsNumber(`100000001${last}`)).toBe(false)
  })
})

describe('identifying details in the helping question', () => {
  it.each([
    ['I want to understand what my baby is telling me when she cries.', null],
    ['How can we enjoy 10 minutes of play each day?', null],
    ['Call me on 07700 900123 about bath time', /^Remove the number: this looks like a phone number/],
    ['Her NHS number is 943 476 5919', /^Remove the number: this looks like an NHS number/],
    ['Email mum@example.com', /^Remove the email address/],
  ])('%s', (text, problem) => {
    const found = identifyingDetailProblem(text)
    if (problem === null) expect(found).toBeNull()
    else expect(found).toMatch(problem)
  })
})
