// Field helpers shared by every form schema. Form values arrive as strings from FormData on the
// server and from inputs in the browser; these make both parse the same way.
import { z } from 'zod'
import { addMonths, formatDate, isCalendarDate, today, type CalendarDate } from '~/utils/dates'
import { DATE_WINDOWS, MAX_MONEY_PENCE } from '~/utils/limits'
import { formatPence, penceFromPounds } from '~/utils/money'

/**
 * Control characters no one types (NUL, escape, the C1 set ...); tabs and line breaks are allowed.
 * Stored, they break pages and exports, so every text field refuses them (issue 17).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/

export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text)
}

/**
 * The one way to read typed text: trimmed, at most `max` characters, without control characters.
 * Every text field of every form is built on it, so each has a maximum length.
 */
export const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .max(max, `${capitalise(label)} must be ${max} characters or fewer`)
    .refine((v) => !hasControlCharacters(v), `${capitalise(label)} contains hidden control characters that cannot be saved: type it again rather than pasting it`)

export const requiredText = (label: string, max = 200) => text(label, max).refine((v) => v.length > 0, `Enter ${label}`)

export const optionalText = (label: string, max = 2000) => text(label, max).default('')

/**
 * The dates any form accepts: from DATE_WINDOWS.pastYears before today to DATE_WINDOWS.futureYears
 * after it (a programme's funding end included). Far dates are mistakes, and would make every
 * month-by-month plan and chart that uses them needlessly long (ADR 0012).
 */
export function dateWindow(today: CalendarDate): { earliest: CalendarDate; latest: CalendarDate } {
  return { earliest: addMonths(today, -12 * DATE_WINDOWS.pastYears), latest: addMonths(today, 12 * DATE_WINDOWS.futureYears) }
}

function inDateWindow(date: string): boolean {
  const { earliest, latest } = dateWindow(today())
  return date >= earliest && date <= latest
}

function outsideWindowMessage(label: string): string {
  const { earliest, latest } = dateWindow(today())
  return `${capitalise(label)} must be between ${formatDate(earliest)} and ${formatDate(latest)}`
}

const realDate = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .refine(isCalendarDate, { error: `Enter ${label} as a real date, for example 24/11/2026`, abort: true })

export const calendarDate = (label: string) => realDate(label).refine(inDateWindow, { error: () => outsideWindowMessage(label) })

export const optionalCalendarDate = (label: string) =>
  z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || isCalendarDate(v), `Enter ${label} as a real date, for example 24/11/2026`)
    .refine((v) => v === '' || !isCalendarDate(v) || inDateWindow(v), { error: () => outsideWindowMessage(label) })
    .transform((v) => (v === '' ? null : v))

/** A checkbox: checked is 'on' (FormData) or true (react-hook-form); anything else is unchecked. */
export const checkbox = () => z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean())

/** A whole number typed into a text/number input. */
export const wholeNumber = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v === '' ? undefined : v),
    z
      .number({ error: `Enter ${label} as a number` })
      .int(`Enter ${label} as a whole number`)
      .min(min, `${capitalise(label)} must be ${min} or more`)
      .max(max, `${capitalise(label)} must be ${max} or fewer`),
  )

/** Several values under one name (checkbox groups, multi-selects). */
export const manyIds = () => z.preprocess((v) => (v === undefined || v === null || v === false ? [] : Array.isArray(v) ? v : [v]), z.array(z.coerce.number().int().positive()))

export const id = () => z.coerce.number().int().positive()

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** One of a fixed list of values (radios, selects), with a message for when none is chosen. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, message: string) => z.preprocess((v) => (v === null ? undefined : v), z.enum(values, { error: message }))

/** Several of a fixed list of values under one name (a checkbox group). */
export const manyOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === undefined || v === null || v === false ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(values)))

/**
 * Adds an error to `field` when a calendar date lies after `today` (passed in, so the browser and
 * the server judge the same way and tests stay exact).
 */
export function refuseFutureDate(ctx: z.RefinementCtx, field: string, date: string | null, today: string, message: string): void {
  if (date && isCalendarDate(date) && date > today) ctx.addIssue({ code: 'custom', path: [field], message })
}

/** A calendar date that has already happened (or is today): meetings held, decisions taken. */
export const pastCalendarDate = (label: string) =>
  realDate(label)
    .refine((v) => v <= today(), { error: `${capitalise(label)} cannot be in the future`, abort: true })
    .refine(inDateWindow, { error: () => outsideWindowMessage(label) })

/** An amount of money typed in pounds, as pence; blank is not allowed. */
export const money = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .refine((v) => penceFromPounds(v) !== null, `Enter ${label} in pounds, like 640 or 1,250.50`)
    .refine((v) => (penceFromPounds(v) ?? 0) <= MAX_MONEY_PENCE, `${capitalise(label)} must be ${formatPence(MAX_MONEY_PENCE)} or less`)
    .transform((v) => penceFromPounds(v)!)

/** An amount of money in pounds, as pence; blank means "not set" (null). */
export const optionalMoney = (label: string) =>
  z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || penceFromPounds(v) !== null, `Enter ${label} in pounds, like 640 or 1,250.50`)
    .refine((v) => v === '' || (penceFromPounds(v) ?? 0) <= MAX_MONEY_PENCE, `${capitalise(label)} must be ${formatPence(MAX_MONEY_PENCE)} or less`)
    .transform((v) => (v === '' ? null : penceFromPounds(v)))

/** The id of something chosen from a list; blank (nothing chosen) gives `message`. */
export const chosenId = (message: string) => z.coerce.number({ error: message }).int(message).positive(message)
