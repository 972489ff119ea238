// Server side of the one form pattern: parse FormData with the form's zod schema; on failure hand
// back the field errors *and* what the person typed, so nothing is lost (works without JavaScript).
import { json } from '@remix-run/node'
import type { z } from 'zod'
import type { FormLimits } from './limits'
import { Refusal } from './refusal.server'
import { readFormData } from './request-body.server'

export type FormValues = Record<string, string | string[]>
export interface FormFailure {
  values: FormValues
  fieldErrors: Record<string, string>
  formError?: string
}

/**
 * The form's text values by name: one string, or several under a repeated name; a name with only
 * files gives ''. One pass over the entries, so the work is linear in the number of fields.
 */
export function formDataToValues(formData: FormData): FormValues {
  const all = new Map<string, string[]>()
  for (const [key, value] of formData) {
    let list = all.get(key)
    if (!list) all.set(key, (list = []))
    if (typeof value === 'string') list.push(value)
  }
  // fromEntries defines own properties, so a field named __proto__ is only a field.
  return Object.fromEntries([...all].map(([key, list]) => [key, list.length > 1 ? list : (list[0] ?? '')]))
}

/** The request's form values, read within `limits` (see readFormData for the 4xx answers). */
export async function readFormValues(request: Request, limits?: FormLimits): Promise<FormValues> {
  return formDataToValues(await readFormData(request, limits))
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

/** Reads the request's form within `limits` (the standard form's by default) and parses it with `schema`. */
export async function parseForm<S extends z.ZodType>(request: Request, schema: S, limits?: FormLimits): Promise<Parsed<z.output<S>>> {
  return parseValues(await readFormValues(request, limits), schema)
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
