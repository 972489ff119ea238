// All date conversion and date maths, through date-fns, in one place.
// Calendar dates are 'yyyy-MM-dd' text (no time zone); instants are ISO-8601 UTC text.
// Shown to people in en-GB: '24 Nov 2026'.
// Attune is a UK service: every "today" and every time shown is Europe/London's, computed with
// @date-fns/tz, whatever zone the server runs in (TZ=UTC on most hosts; see ADR 0011). Calendar
// dates themselves carry no zone: their maths works on the process's midnights consistently.
import { tz } from '@date-fns/tz'
import {
  addDays as addDaysFns,
  addMonths as addMonthsFns,
  differenceInCalendarDays,
  differenceInCalendarMonths,
  format,
  formatISO,
  getDaysInMonth,
  isValid,
  parseISO,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
} from 'date-fns'

export type CalendarDate = string
export type Instant = string

/**
 * Parses 'yyyy-MM-dd' strictly (no overflow: '2026-02-30' is invalid). parseISO, not parse with a
 * format string: this runs for every date the dashboards judge, and it is several times faster.
 */
export function parseCalendarDate(text: string): Date | null {
  let time = parsed.get(text)
  if (time === undefined) {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseISO(text) : null
    time = date && isValid(date) ? date.getTime() : null
    if (parsed.size >= PARSED_LIMIT) parsed.clear()
    parsed.set(text, time)
  }
  return time === null ? null : new Date(time)
}

// The same few hundred dates are judged over and over on a dashboard: remember them (bounded).
const parsed = new Map<string, number | null>()
const PARSED_LIMIT = 50_000

export function isCalendarDate(text: string): boolean {
  return parseCalendarDate(text) !== null
}

/** The shapes of date a spreadsheet may hold, in words for messages. */
export const SPREADSHEET_DATE_SHAPES = '24/11/2026, 24/11/26, 2026-11-24 or 24-Nov-26'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/**
 * A date as Excel writes UK dates: '24/11/2026', '4/3/26', '24-11-2026', '24.11.2026',
 * '2026-11-24', '24-Nov-26', '24 November 2026'. Always day before month (UK order); a two-digit
 * year is in the 2000s (no VIG training records are older). Returns the calendar date, or null
 * when the text is none of these shapes or not a real date ('31/04/2026').
 */
export function parseSpreadsheetDate(text: string): CalendarDate | null {
  const trimmed = text.trim()
  if (isCalendarDate(trimmed)) return trimmed
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(trimmed)
  const named = /^(\d{1,2})[\s-]([a-z]{3,9})\.?[\s-](\d{2}|\d{4})$/i.exec(trimmed)
  const month = numeric ? Number(numeric[2]) : named ? monthNumber(named[2]) : null
  const parts = numeric ?? named
  if (!parts || !month) return null
  const year = parts[3].length === 2 ? `20${parts[3]}` : parts[3]
  const iso = `${year}-${String(month).padStart(2, '0')}-${parts[1].padStart(2, '0')}`
  return isCalendarDate(iso) ? iso : null
}

function monthNumber(name: string): number | null {
  const lower = name.toLowerCase()
  const index = MONTHS.indexOf(lower.slice(0, 3))
  // 'Nov', 'November' and 'Sept' are months; 'Novx' is not.
  const full = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, index, 1))).toLowerCase()
  return index >= 0 && (lower.length === 3 || full === lower || (lower === 'sept' && index === 8)) ? index + 1 : null
}

function toDate(date: CalendarDate): Date {
  const parsed = parseCalendarDate(date)
  if (!parsed) throw new RangeError(`Not a calendar date: ${date}`)
  return parsed
}

/** The UK's time zone: British Summer Time from the last Sunday of March to the last of October. */
export const UK_TIME_ZONE = 'Europe/London'
const inUk = tz(UK_TIME_ZONE)

export function toCalendarDate(date: Date): CalendarDate {
  return formatISO(date, { representation: 'date' })
}

/**
 * Today's calendar date in the UK at the instant `now` (default: the clock), whatever the
 * server's zone: at 00:30 BST on 1 Jul 2026 (23:30 UTC on 30 Jun) it is '2026-07-01'.
 */
export function today(now: Date = new Date()): CalendarDate {
  return formatISO(now, { representation: 'date', in: inUk })
}

export function nowInstant(now: Date = new Date()): Instant {
  return now.toISOString()
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return toCalendarDate(addDaysFns(toDate(date), days))
}

export function addWeeks(date: CalendarDate, weeks: number): CalendarDate {
  return addDays(date, weeks * 7)
}

/** Adds whole months, clamping to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  return toCalendarDate(addMonthsFns(toDate(date), months))
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return differenceInCalendarDays(toDate(to), toDate(from))
}

/** The first day of the date's month: 24 Nov 2026 → 1 Nov 2026. */
export function monthStart(date: CalendarDate): CalendarDate {
  return toCalendarDate(startOfMonth(toDate(date)))
}

/**
 * The share of the date's month still to come, the date itself included, counted in calendar days:
 * 16 Nov 2026 → 15/30 = 0.5; 1 Nov → 1; 30 Nov → 1/30. Plans count the current month pro rata by it.
 */
export function monthShareLeft(date: CalendarDate): number {
  const day = toDate(date)
  const days = getDaysInMonth(day)
  return (days - day.getDate() + 1) / days
}

/** The Monday of the date's week (UK weeks start on Monday): weekly e-mail is keyed by it. */
export function weekStart(date: CalendarDate): CalendarDate {
  return toCalendarDate(startOfWeek(toDate(date), { weekStartsOn: 1 }))
}

/** The first day of the date's calendar quarter (Jan, Apr, Jul, Oct). */
export function quarterStart(date: CalendarDate): CalendarDate {
  return toCalendarDate(startOfQuarter(toDate(date)))
}

/** A calendar quarter by its first day: 'Jan–Mar 2027'. */
export function formatQuarter(start: CalendarDate): string {
  const first = toDate(start)
  return `${format(first, 'MMM')}–${format(addMonthsFns(first, 2), 'MMM yyyy')}`
}

export function monthsBetween(from: CalendarDate, to: CalendarDate): number {
  return differenceInCalendarMonths(toDate(to), toDate(from))
}

export function maxDate(...dates: (CalendarDate | null | undefined)[]): CalendarDate | null {
  return dates.filter((d): d is CalendarDate => Boolean(d)).reduce<CalendarDate | null>((a, b) => (a && a > b ? a : b), null)
}

/** '24 Nov 2026' */
export function formatDate(date: CalendarDate | null | undefined): string {
  return date ? format(toDate(date), 'd MMM yyyy') : ''
}

/** 'Nov 2026' */
export function formatMonth(date: CalendarDate): string {
  return format(toDate(date), 'MMM yyyy')
}

/** An instant as UK clock time: '24 Nov 2026, 14:05' (GMT in winter, BST in summer). */
export function formatInstant(instant: Instant | null | undefined): string {
  if (!instant) return ''
  return format(parseISO(instant), 'd MMM yyyy, HH:mm', { in: inUk })
}

/** The UK calendar date of an instant: '2026-06-30T23:30:00Z' → '2026-07-01'. */
export function instantToCalendarDate(instant: Instant): CalendarDate {
  return formatISO(parseISO(instant), { representation: 'date', in: inUk })
}
