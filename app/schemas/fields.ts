// Field helpers shared by every form schema. Form values arrive as strings from FormData on the
// server and from inputs in the browser; these make both parse the same way.
import { z } from 'zod'
import { isCalendarDate, today } from '../utils/dates'
import { penceFromPounds } from '../utils/money'

export const requiredText = (label: string, max = 200) =>
  z.string({ error: `Enter ${label}` }).trim().min(1, `Enter ${label}`).max(max, `${capitalise(label)} must be ${max} characters or fewer`)

export const optionalText = (label: string, max = 2000) =>
  z.string().trim().max(max, `${capitalise(label)} must be ${max} characters or fewer`).default('')

export const calendarDate = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .refine(isCalendarDate, `Enter ${label} as a real date, for example 24/11/2026`)

export const optionalCalendarDate = (label: string) =>
  z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || isCalendarDate(v), `Enter ${label} as a real date, for example 24/11/2026`)
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
export const manyIds = () =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === false ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.coerce.number().int().positive()),
  )

export const id = () => z.coerce.number().int().positive()

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** One of a fixed list of values (radios, selects), with a message for when none is chosen. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((v) => (v === null ? undefined : v), z.enum(values, { error: message }))

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
  calendarDate(label).refine((v) => v <= today(), `${capitalise(label)} cannot be in the future`)

/** An amount of money typed in pounds, as pence; blank is not allowed. */
export const money = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .refine((v) => penceFromPounds(v) !== null, `Enter ${label} in pounds, like 640 or 1,250.50`)
    .transform((v) => penceFromPounds(v)!)

/** An amount of money in pounds, as pence; blank means "not set" (null). */
export const optionalMoney = (label: string) =>
  z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || penceFromPounds(v) !== null, `Enter ${label} in pounds, like 640 or 1,250.50`)
    .transform((v) => (v === '' ? null : penceFromPounds(v)))

/** The id of something chosen from a list; blank (nothing chosen) gives `message`. */
export const chosenId = (message: string) => z.coerce.number({ error: message }).int(message).positive(message)
