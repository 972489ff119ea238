// A signed-in, enrolled trainee for the trainee workspace route tests, and small readers of answers.
import { expect } from 'vitest'
import { createEnrolment, createUser } from '../../factories'
import { getRequest, run, signInCookie } from '../../http'
import { loader as homeLoader } from '~/routes/trainee._index'
import { getDb } from '~/utils/db.server'

/** By default in Stage 1 since 5 Jan 2026 (the Initial Training Course signed off and locked). */
export async function enrolledTrainee(options: Parameters<typeof createEnrolment>[1] = {}) {
  const db = await getDb()
  const trainee = await createUser(db, 'trainee')
  const enrolment = await createEnrolment(db, { traineeId: trainee.id, ...options })
  const cookie = await signInCookie(trainee.email)
  return { db, trainee, enrolment, supervisorId: enrolment.supervisor_id!, cookie }
}

/** The requirement `key` of the trainee's current-stage readiness, as the home page shows it. */
export async function requirementOnHome(cookie: string, key: string) {
  const body = await (await run(homeLoader, getRequest('/trainee', cookie))).json()
  return body.enrolled.readiness.requirements.find((r: { key: string }) => r.key === key)
}

export async function readinessOnHome(cookie: string) {
  const body = await (await run(homeLoader, getRequest('/trainee', cookie))).json()
  return body.enrolled.readiness as { ready: boolean; missing: string[]; requirements: { key: string; done: number; pending: number; required: number; met: boolean }[] }
}

/** The JSON of a refused form (status 200, ok: false). */
export async function refusal(response: Response) {
  expect(response.status).toBe(200)
  const body = await response.json()
  expect(body.ok).toBe(false)
  return body as { values: Record<string, string | string[]>; fieldErrors: Record<string, string>; formError?: string; deleteError?: string }
}
