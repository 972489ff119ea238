// Several forms on one page: each posts a hidden `intent` (a named constant exported beside its
// schema in app/schemas/), and the action switches on it, calling one function per intent. Record
// ids travel in hidden fields that the form's schema validates, never inside the intent string.
import type { Db } from '~/models/db-types'
import type { Viewer } from '~/models/access.server'
import type { FormValues } from './forms.server'

/**
 * The posted form's intent, one of `intents` (the constants this page's forms send).
 * Throws a 400 Response for anything else: a form this page never rendered (stale or forged).
 */
export function intentOf<const T extends readonly string[]>(values: FormValues, intents: T): T[number] {
  const intent = values.intent
  if (typeof intent === 'string' && intents.includes(intent)) return intent
  throw badRequest()
}

/** A request no page of ours sends (an unknown intent, a malformed hidden id): 400. */
export function badRequest(): Response {
  return new Response('Bad request', { status: 400 })
}

/** What each intent's function works with: the request, the database, the signed-in person and the posted values (routes add the ids from their URL). */
export interface PostedForm {
  request: Request
  db: Db
  user: Viewer
  values: FormValues
}
