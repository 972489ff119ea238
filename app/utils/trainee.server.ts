// The guard every trainee page starts with: the signed-in trainee, the database and their current
// enrolment. Records are then fetched with the trainee's id in the WHERE, so another trainee's id in
// a URL finds nothing and answers 404, exactly like an id that does not exist.
import { json } from '@remix-run/node'
import { findTraineeEnrolment } from '../models/enrolment.server'
import { requireRole } from './auth.server'
import { getDb } from './db.server'

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

/** A numeric id from the URL; anything else is a page that does not exist. */
export function idParam(params: Record<string, string | undefined>, name: string): number {
  const value = Number(params[name])
  if (!Number.isSafeInteger(value) || value <= 0) throw notFound()
  return value
}

export function notFound(): Response {
  return new Response('Not found', { status: 404 })
}

/** The form's intent, so one action can serve several forms on a page. */
export async function intentOf(request: Request): Promise<string> {
  const intent = (await request.clone().formData()).get('intent')
  return typeof intent === 'string' ? intent : ''
}
