// The evaluation's forms: an outcome measure (admin or lead), a client's score (trainee),
// acceptability feedback (practitioner, or anyone through a one-time link), a one-time link, and
// the report's date range (a GET form).
import { z } from 'zod'
import { identifyingDetailProblem } from '~/domain/client-code'
import { calendarDate, checkbox, chosenId, oneOf, optionalText, requiredText } from './fields'

/** A score or range bound: a number, possibly with one or two decimal places (some measures average items). */
const scoreNumber = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .refine((v) => /^-?\d{1,4}(\.\d{1,2})?$/.test(v), `Enter ${label} as a number, like 24 or 3.5`)
    .transform(Number)

export const DIRECTIONS = [
  { value: 'higher', label: 'Higher scores are better', hint: 'For example self-efficacy, bonding or sensitivity.' },
  { value: 'lower', label: 'Lower scores are better', hint: 'For example parenting stress.' },
] as const

export const MeasureSchema = z
  .object({
    name: requiredText('the measure’s name', 120),
    construct: requiredText('what it measures', 120),
    min_score: scoreNumber('the lowest possible score'),
    max_score: scoreNumber('the highest possible score'),
    direction: oneOf(['higher', 'lower'], 'Choose whether higher or lower scores are better'),
    has_follow_up: checkbox(),
  })
  .superRefine((v, ctx) => {
    if (v.max_score <= v.min_score) ctx.addIssue({ code: 'custom', path: ['max_score'], message: 'The highest possible score must be more than the lowest' })
  })

export type MeasureInput = z.output<typeof MeasureSchema>
export const blankMeasure = { name: '', construct: '', min_score: '', max_score: '', direction: '', has_follow_up: false }

export const TIME_POINTS = [
  { value: 'before', label: 'Before VIG' },
  { value: 'after', label: 'After VIG' },
  { value: 'follow_up', label: 'Follow-up' },
] as const

export function timePointLabel(value: string): string {
  return TIME_POINTS.find((t) => t.value === value)?.label ?? value
}

/** A client's score; the range, the dates and the before-after order are checked by the model. */
export function scoreSchema(today: string) {
  return z.object({
    measure_id: chosenId('Choose the measure'),
    time_point: oneOf(['before', 'after', 'follow_up'], 'Choose when the score was taken'),
    score: scoreNumber('the score'),
    scored_on: calendarDate('the date of the score').refine((v) => v <= today, 'The date of the score cannot be in the future'),
  })
}

export type ScoreInput = z.output<ReturnType<typeof scoreSchema>>
export const blankScore = { measure_id: '', time_point: '', score: '', scored_on: '' }

export const RESPONDENTS = [
  { value: 'family', label: 'A family' },
  { value: 'practitioner', label: 'A practitioner' },
  { value: 'manager', label: 'A manager' },
] as const

export function respondentLabel(value: string): string {
  return { family: 'Families', practitioner: 'Practitioners', manager: 'Managers' }[value] ?? value
}

export const RATINGS = ['1', '2', '3', '4', '5'].map((value) => ({ value, label: value }))

const rating = (what: string) =>
  z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.coerce
      .number({ error: `Choose how ${what} it was` })
      .int()
      .min(1, `Choose how ${what} it was`)
      .max(5, `Choose how ${what} it was`),
  )

/** Free text that must not name anyone: the lead reads it. */
const anonymousText = (label: string) =>
  optionalText(label, 1000).superRefine((text, ctx) => {
    const problem = identifyingDetailProblem(text)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

const feedbackFields = {
  acceptability: rating('acceptable'),
  feasibility: rating('practical'),
  helped: anonymousText('what helped'),
  got_in_the_way: anonymousText('what got in the way'),
}

/** Feedback through a one-time link: the respondent was fixed when the link was made. */
export const FeedbackSchema = z.object(feedbackFields)
export type FeedbackInput = z.output<typeof FeedbackSchema>

/** Feedback entered by a practitioner: their own, or a family's given on paper or in person. */
export const EnteredFeedbackSchema = z.object({ respondent: oneOf(['family', 'practitioner'], 'Choose whose feedback this is'), ...feedbackFields })
export type EnteredFeedbackInput = z.output<typeof EnteredFeedbackSchema>
export const blankFeedback = { respondent: '', acceptability: '', feasibility: '', helped: '', got_in_the_way: '' }

export const FeedbackLinkSchema = z.object({ respondent: oneOf(['family', 'practitioner', 'manager'], 'Choose who the link is for') })

export const EvaluationRangeSchema = z.object({ from: calendarDate('the first date'), to: calendarDate('the last date') }).superRefine((v, ctx) => {
  if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last date must be on or after the first date' })
})
export type EvaluationRange = z.output<typeof EvaluationRangeSchema>
