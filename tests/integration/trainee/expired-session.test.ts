// Nothing typed is ever lost (issue 10, part 4): a form sent after the session ended is kept for
// its owner and put back after they sign in again; activity renews the session.
import { describe, expect, it } from 'vitest'
import { createSessionRow, createUser, TEST_PASSWORD } from '../../factories'
import { formRequest, getRequest, run } from '../../http'
import { enrolledTrainee } from './context'
import { loader as rootLoader } from '~/root'
import { action as signInAction } from '~/routes/login'
import { action as newReflection } from '~/routes/trainee.reflections.new'
import { getDb } from '~/utils/db.server'

const TEXT = `${'When we watched the clip together she smiled at her baby and waited. '.repeat(37)}`.slice(0, 2500)

async function endSessions() {
  const db = await getDb()
  await db.updateTable('sessions').set({ expires_at: '2020-01-01T00:00:00.000Z' }).execute()
}

const cookies = (response: Response) => response.headers.getSetCookie().map((c) => c.split(';')[0])

async function expiredPost() {
  const context = await enrolledTrainee()
  const session = await createSessionRow(context.db, { enrolmentId: context.enrolment.id, supervisorId: context.supervisorId, status: 'confirmed' })
  const path = `/trainee/reflections/new?session=${session.id}`
  await endSessions()
  const response = await run(newReflection, formRequest(path, { decision: 'draft', body: TEXT }, context.cookie))
  return { ...context, path, response }
}

describe('a form sent after the session ended', () => {
  it('keeps the 2,500 characters typed, and puts them back into the same form after signing in again, with a message', async () => {
    const { db, trainee, path, response, cookie } = await expiredPost()
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(`/login?${new URLSearchParams({ redirectTo: path, kept: '1' })}`)
    const [kept] = cookies(response)
    expect(kept).toMatch(/^attune_kept_form=/)
    expect(await db.selectFrom('reflections').select('id').execute()).toEqual([])
    const stored = await db.selectFrom('kept_forms').selectAll().executeTakeFirstOrThrow()
    expect(stored).toMatchObject({ user_id: trainee.id, path })
    expect(stored.token_hash).not.toBe(kept.split('=')[1])

    const signedIn = await run(signInAction, formRequest('/login', { email: trainee.email, password: TEST_PASSWORD, redirectTo: path }, `${cookie}; ${kept}`))
    expect(signedIn.status).toBe(302)
    expect(signedIn.headers.get('Location')).toBe(path)
    const session = cookies(signedIn).find((c) => c.startsWith('attune_session='))!
    expect(cookies(signedIn)).toContain('attune_kept_form=')

    const page = await (await run(rootLoader, getRequest(path, session))).json()
    expect(page.keptForm).toEqual({ path, fields: { decision: 'draft', body: TEXT } })
    expect(page.keptForm.fields.body).toHaveLength(2500)
    expect(page.flash).toBe('You were signed out before your work was saved. What you typed has been put back below: check it and save it.')
    // Taken once: it is no longer kept.
    expect(await db.selectFrom('kept_forms').select('token_hash').execute()).toEqual([])
  })

  it('puts nothing back for someone else signing in on the same computer', async () => {
    const { db, response, path } = await expiredPost()
    const [kept] = cookies(response)
    const other = await createUser(db, 'trainee')
    const signedIn = await run(signInAction, formRequest('/login', { email: other.email, password: TEST_PASSWORD, redirectTo: '/trainee' }, kept))
    const session = cookies(signedIn).find((c) => c.startsWith('attune_session='))!
    expect(signedIn.headers.get('Location')).toBe('/trainee')
    const page = await (await run(rootLoader, getRequest(path, session))).json()
    expect(page.keptForm).toBeNull()
    expect(await db.selectFrom('kept_forms').select('user_id').execute()).toHaveLength(1)
  })

  it('is kept in a Secure cookie, as the session is, when a proxy says the request came over https', async () => {
    const context = await enrolledTrainee()
    await endSessions()
    const request = formRequest('/trainee/reflections/new', { decision: 'draft', body: TEXT }, context.cookie)
    const plain = await run(newReflection, request.clone() as Request)
    expect(plain.headers.getSetCookie()[0]).not.toMatch(/;\s*Secure/i)
    request.headers.set('X-Forwarded-Proto', 'https')
    const proxied = await run(newReflection, request)
    const [kept] = proxied.headers.getSetCookie()
    expect(kept).toMatch(/^attune_kept_form=/)
    expect(kept).toMatch(/;\s*Secure/i)
  })
})

describe('a session', () => {
  it('is renewed by any page the person opens, and says when it ends', async () => {
    const { db, cookie } = await enrolledTrainee()
    const before = await db.selectFrom('sessions').select(['id', 'data', 'expires_at']).executeTakeFirstOrThrow()
    // As if signed in 11 hours ago and idle since.
    const elevenHoursAgo = new Date(Date.now() - 11 * 3_600_000).toISOString()
    await db
      .updateTable('sessions')
      .set({ data: JSON.stringify({ ...JSON.parse(before.data), renewedAt: elevenHoursAgo }), expires_at: new Date(Date.now() + 3_600_000).toISOString() })
      .execute()
    const response = await run(rootLoader, getRequest('/trainee', cookie))
    const page = await response.json()
    const after = await db.selectFrom('sessions').select('expires_at').where('id', '=', before.id).executeTakeFirstOrThrow()
    const hoursLeft = (Date.parse(after.expires_at) - Date.now()) / 3_600_000
    expect(hoursLeft).toBeGreaterThan(11.9)
    expect((Date.parse(page.sessionEndsAt) - Date.now()) / 3_600_000).toBeGreaterThan(11.9)
  })
})
