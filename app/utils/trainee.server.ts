// The guard every trainee page starts with: the signed-in trainee, the database and their current
// enrolment. Records are then fetched with the trainee's id in the WHERE (access.server.ts), so
// another trainee's id in a URL finds nothing and answers 404 (`found`/`notFound` in http.server.ts),
// exactly like an id that does not exist.
import { json } from '@remix-run/node'
import type { z } from 'zod'
import type { Db } from '~/models/db-types'
import { findTraineeEnrolment } from '~/models/enrolment.server'
import { requireRole } from './auth.server'
import { getDb } from './db.server'
import { DELETE_RECORD, UPDATE_RECORD } from '~/schemas/record'
import { invalid, parseValues, readFormValues, refusalAnswer, type FormValues } from './forms.server'
import { intentOf } from './intent.server'
import { Refusal } from './refusal.server'
import { redirectWithFlash } from './session.server'

export async function requireTrainee(request: Request) {
  const user = await requireRole(request, 'trainee')
  const db = await getDb()
  const enrolment = (await findTraineeEnrolment(db, user.id)) ?? null
  return { user, db, enrolment }
}

/** For pages that log evidence against a stage: a trainee not yet enrolled is told what to do. */
export async function requireTraineeEnrolment(request: Request) {
  const { enrolment, ...rest } = await requireTrainee(request)
  if (!enrolment) {
    throw json(
      { message: 'You are not enrolled on a VIG programme yet, so there is no stage to log this against. Ask your programme lead to enrol you.', homeHref: '/trainee' },
      { status: 403 },
    )
  }
  return { ...rest, enrolment }
}

/**
 * The action of a record's own page, which holds two forms: the record's form (UPDATE_RECORD) and
 * the delete button (DELETE_RECORD), plus any forms of its own in `more` (intent → function of the
 * posted values); any other intent is a 400. Each write runs in one transaction;
 * a Refusal the model throws rolls it back and comes back beside the field, or for a delete in the
 * delete panel; success redirects with a flash message.
 */
export async function updateOrDelete<S extends z.ZodType>(
  request: Request,
  db: Db,
  options: {
    schema: S
    update: (trx: Db, input: z.output<S>) => Promise<unknown>
    remove: (trx: Db) => Promise<unknown>
    updated: (input: z.output<S>) => { to: string; message: string }
    deleted: { to: string; message: string }
    more?: Record<string, (values: FormValues) => Promise<Response>>
  },
) {
  const values = await readFormValues(request)
  const more = options.more ?? {}
  const intent = intentOf(values, [UPDATE_RECORD, DELETE_RECORD, ...Object.keys(more)])
  switch (intent) {
    case DELETE_RECORD: {
      try {
        await db.transaction().execute(options.remove)
      } catch (error) {
        if (!(error instanceof Refusal)) throw error
        return json({ ok: false as const, intent: DELETE_RECORD, deleteError: error.message })
      }
      return redirectWithFlash(request, options.deleted.to, options.deleted.message)
    }
    case UPDATE_RECORD: {
      const parsed = parseValues(values, options.schema)
      if (!parsed.ok) return invalid(parsed.failure, UPDATE_RECORD)
      try {
        await db.transaction().execute((trx) => options.update(trx, parsed.data))
      } catch (error) {
        return refusalAnswer(error, parsed.values, UPDATE_RECORD)
      }
      const { to, message } = options.updated(parsed.data)
      return redirectWithFlash(request, to, message)
    }
    default:
      return more[intent](values)
  }
}
