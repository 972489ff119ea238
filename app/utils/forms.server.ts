// Server side of the one form pattern: parse FormData with the form's zod schema; on failure hand
// back the field errors *and* what the person typed, so nothing is lost (works without JavaScript).
import { json } from '@remix-run/node'
import type { z } from 'zod'
import { Refusal } from './refusal.server'

export type FormValues = Record<string, string | string[]>
export interface FormFailure {
  values: FormValues
  fieldErrors: Record<string, string>
  formError?: string
}

export function formDataToValues(formData: FormData): FormValues {
  const values: FormValues = {}
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((v): v is string => typeof v === 'string')
    values[key] = all.length > 1 ? all : (all[0] ?? '')
  }
  return values
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'form'
    errors[key] ??= issue.message
  }
  return errors
}

export type Parsed<T> = { ok: true; data: T; values: FormValues } | { ok: false; failure: FormFailure }

export async function parseForm<S extends z.ZodType>(request: Request, schema: S): Promise<Parsed<z.output<S>>> {
  return parseValues(formDataToValues(await request.formData()), schema)
}

export function parseValues<S extends z.ZodType>(values: FormValues, schema: S): Parsed<z.output<S>> {
  const result = schema.safeParse(values)
  if (result.success) return { ok: true, data: result.data, values }
  return { ok: false, failure: { values, fieldErrors: fieldErrorsOf(result.error) } }
}

/**
 * The answer to a form that failed: the page re-renders with errors beside the fields.
 * Status 200, not 400: a mistake in a form is part of normal use, and browsers log every 4xx
 * response as a console error.
 */
export function invalid(failure: FormFailure, intent?: string) {
  return json({ ...failure, intent, ok: false as const })
}

/** A failure found after parsing (a rule the schema cannot know, e.g. a duplicate code). */
export function invalidField(values: FormValues, field: string, message: string, intent?: string) {
  return invalid({ values, fieldErrors: { [field]: message } }, intent)
}

/**
 * The one answer to a model's "no": when it threw a Refusal (rolling its transaction back), the
 * form comes back with the message beside the refusal's field, or above the form; anything else
 * (a 404 Response from `found`, a bug) is rethrown. See docs/patterns.md.
 */
export function refusalAnswer(error: unknown, values: FormValues, intent?: string) {
  if (!(error instanceof Refusal)) throw error
  return error.field ? invalidField(values, error.field, error.message, intent) : invalid({ values, fieldErrors: {}, formError: error.message }, intent)
}
