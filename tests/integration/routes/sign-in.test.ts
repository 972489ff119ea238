import { describe, expect, it } from 'vitest'
import { createUser, TEST_PASSWORD } from '../../factories'
import { cookieFrom, formRequest, getRequest, run, signInCookie } from '../../http'
import { action as loginAction } from '~/routes/login'
import { action as logoutAction } from '~/routes/logout'
import { loader as leadHome } from '~/routes/lead._index'
import { loader as traineeHome } from '~/routes/trainee._index'
import { getDb } from '~/utils/db.server'
import { WRONG_CREDENTIALS } from '~/utils/auth.server'

describe('sign-in', () => {
  it.each([
    ['trainee', '/trainee'],
    ['supervisor', '/supervisor'],
    ['accreditor', '/accreditor'],
    ['lead', '/lead'],
    ['admin', '/admin'],
  ] as const)('sends a %s to their own home page', async (role, home) => {
    const user = await createUser(await getDb(), role)
    const response = await run(loginAction, formRequest('/login', { email: user.email.toUpperCase(), password: TEST_PASSWORD }))
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(home)
    const setCookie = response.headers.get('Set-Cookie')!
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
  })

  it('gives one message for a wrong password and for an unknown email, keeping the email typed', async () => {
    const user = await createUser(await getDb(), 'trainee')
    for (const [email, password] of [
      [user.email, 'wrong password'],
      ['nobody@test.attune.test', TEST_PASSWORD],
    ]) {
      const response = await run(loginAction, formRequest('/login', { email, password }))
      expect(response.status).toBe(200)
      const body = await response.json()
      expect(body.formError).toBe(WRONG_CREDENTIALS)
      expect(body.values).toEqual({ email, redirectTo: '' })
    }
  })

  it('explains missing fields next to them', async () => {
    const response = await run(loginAction, formRequest('/login', { email: 'not-an-email', password: '' }))
    const body = await response.json()
    expect(body.ok).toBe(false)
    expect(body.fieldErrors).toEqual({ email: expect.stringMatching(/email address/), password: 'Enter your password' })
    expect(body.values.email).toBe('not-an-email')
  })

  it('slows down repeated failures for one account, even with the right password', async () => {
    const user = await createUser(await getDb(), 'trainee')
    for (let i = 0; i < 5; i++) {
      const response = await run(loginAction, formRequest('/login', { email: user.email, password: `wrong ${i}` }))
      expect((await response.json()).formError).toBe(WRONG_CREDENTIALS)
    }
    const blocked = await run(loginAction, formRequest('/login', { email: user.email, password: TEST_PASSWORD }))
    expect(blocked.headers.get('Location')).toBeNull()
    expect((await blocked.json()).formError).toMatch(/Wait 1 minute/)
  })

  it('refuses a sign-in form posted from another website', async () => {
    const user = await createUser(await getDb(), 'trainee')
    const response = await run(loginAction, formRequest('/login', { email: user.email, password: TEST_PASSWORD }, undefined, 'https://evil.example'))
    expect(response.status).toBe(403)
  })

  it('never redirects to another site after sign-in', async () => {
    const user = await createUser(await getDb(), 'lead')
    const response = await run(loginAction, formRequest('/login', { email: user.email, password: TEST_PASSWORD, redirectTo: '//evil.example' }))
    expect(response.headers.get('Location')).toBe('/lead')
  })
})

describe('guards and sessions', () => {
  it('sends someone not signed in to the sign-in page, remembering where they were going', async () => {
    const response = await run(traineeHome, getRequest('/trainee?x=1'))
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Ftrainee%3Fx%3D1')
  })

  it('gives 403 with a way home to a role the page is not for', async () => {
    const trainee = await createUser(await getDb(), 'trainee')
    const cookie = await signInCookie(trainee.email)
    const response = await run(leadHome, getRequest('/lead', cookie))
    expect(response.status).toBe(403)
    const body = await response.json()
    expect(body.homeHref).toBe('/trainee')
    expect(body.message).toMatch(/programme leads/)
  })

  it('ends the session on sign-out: the old cookie no longer works', async () => {
    const trainee = await createUser(await getDb(), 'trainee')
    const cookie = await signInCookie(trainee.email)
    expect((await run(traineeHome, getRequest('/trainee', cookie))).status).toBe(200)
    const out = await run(logoutAction, formRequest('/logout', {}, cookie))
    expect(out.headers.get('Location')).toBe('/login')
    expect((await run(traineeHome, getRequest('/trainee', cookie))).status).toBe(302)
  })

  it('expires sessions', async () => {
    const db = await getDb()
    const trainee = await createUser(db, 'trainee')
    const cookie = await signInCookie(trainee.email)
    await db.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute()
    expect((await run(traineeHome, getRequest('/trainee', cookie))).status).toBe(302)
  })

  it('stores a fresh session id at every sign-in', async () => {
    const trainee = await createUser(await getDb(), 'trainee')
    const first = await signInCookie(trainee.email)
    const again = await run(loginAction, formRequest('/login', { email: trainee.email, password: TEST_PASSWORD }, first))
    expect(cookieFrom(again)).not.toBe(first)
    expect((await run(traineeHome, getRequest('/trainee', first))).status).toBe(302)
  })
})
