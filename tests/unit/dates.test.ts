import { describe, expect, it } from 'vitest'
import { addMonths, daysBetween, formatDate, formatInstant, isCalendarDate, instantToCalendarDate, monthShareLeft } from '~/utils/dates'

describe('dates', () => {
  it.each([
    ['2026-11-24', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['24/11/2026', false],
    ['', false],
  ])('%s is a calendar date: %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected)
  })

  it.each([
    ['2026-11-16', 15 / 30],
    ['2026-11-01', 1],
    ['2026-11-30', 1 / 30],
    ['2027-02-28', 1 / 28],
    ['2028-02-29', 1 / 29],
    ['2027-01-15', 17 / 31],
  ])('the share of the month left from %s, the day included, is %d', (date, share) => {
    expect(monthShareLeft(date)).toBe(share)
  })

  it('shows dates the en-GB way', () => {
    expect(formatDate('2026-11-24')).toBe('24 Nov 2026')
    expect(formatDate('2027-03-01')).toBe('1 Mar 2027')
    expect(formatDate(null)).toBe('')
  })

  it('shows instants in UK time, across the clock change', () => {
    expect(formatInstant('2026-07-01T13:05:00.000Z')).toBe('1 Jul 2026, 14:05')
    expect(formatInstant('2026-12-01T13:05:00.000Z')).toBe('1 Dec 2026, 13:05')
    expect(instantToCalendarDate('2026-06-30T23:30:00.000Z')).toBe('2026-07-01')
  })

  it('adds months clamped to the month end and counts days', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(daysBetween('2026-11-24', '2027-01-19')).toBe(56)
    expect(daysBetween('2026-11-24', '2026-11-23')).toBe(-1)
  })
})
