import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RESETS_PER_HOUR, requestPasswordReset } from '~/models/people.server'
import { deliverDueMessages, unsubscribePath } from '~/models/outbox.server'
import { runScheduledEmail } from '~/models/digests.server'
import { action as accountAction, loader as accountLoader } from '~/routes/account'
import { action as forgotAction } from '~/routes/forgot-password'
import { action as peopleAction } from '~/routes/lead.programmes.$programmeId.people'
import { action as setPasswordAction } from '~/routes/set-password.$token'
import { action as supervisorAction } from '~/routes/supervisor.trainees.$enrolmentId'
import { action as unsubscribeAction, loader as unsubscribeLoader } from '~/routes/unsubscribe.$token'
import { action as loginAction } from '~/routes/login'
import { getDb } from '~/utils/db.server'
import { createMailTransport } from '~/utils/mailer.server'
import { createUser } from '../../factories'
import { formRequest, getRequest, run, signInCookie } from '../../http'
import { linkIn, startSmtpSink, type SmtpSink } from '../../smtp'
import { programmeWithTrainee, supervisionSession } from '../oversight/world'

let sink: SmtpSink
beforeEach(async () => {
  sink = await startSmtpSink()
})
afterEach(async () => {
  await sink.close()
})

async function deliver() {
  return deliverDueMessages(await getDb(), createMailTransport(sink.url), { from: 'Attune <no-reply@localhost>' })
}

function tokenOf(url: string): string {
  return new URL(url).pathname.split('/').pop()!
}

describe('invitations', () => {
  it('e-mails the set-password link to the person a lead adds (essential: no unsubscribe link)', async () => {
    const db = await getDb()
    const { lead, programme } = await programmeWithTrainee(db)
    const cookie = await signInCookie(lead.email)
    const response = await run(
      peopleAction,
      formRequest(`/lead/programmes/${programme.id}/people`, { intent: 'add-person', name: 'Zoe New', email: 'zoe.new@test.attune.test', role: 'trainee', jobTitle: '' }, cookie),
      { programmeId: String(programme.id) },
    )
    // No relay configured in these tests: the lead is shown the link too.
    const shown = (await response.json()).link
    expect(shown).toMatchObject({ name: 'Zoe New', email: 'zoe.new@test.attune.test', days: 7 })
    expect(await deliver()).toMatchObject({ sent: 1 })
    const [mail] = sink.mails
    expect(mail).toMatchObject({ to: 'zoe.new@test.attune.test', subject: 'Set your password for Attune', listUnsubscribe: null })
    expect(mail.text).toContain(`${lead.name} has added you to Attune`)
    expect(mail.text).toContain('It works once, for 7 days.')
    expect(linkIn(mail, '/set-password/')).toBe(shown.url)
    expect(mail.text).not.toMatch(/unsubscribe/i)
  })

  it('refuses a malformed address next to the field, keeping what was typed, and writes nothing', async () => {
    const db = await getDb()
    const { lead, programme } = await programmeWithTrainee(db)
    const cookie = await signInCookie(lead.email)
    const fields = { intent: 'add-person', name: 'Zoe New', email: 'zoe.new@nhs', role: 'trainee', jobTitle: '' }
    const body = await (await run(peopleAction, formRequest(`/lead/programmes/${programme.id}/people`, fields, cookie), { programmeId: String(programme.id) })).json()
    expect(body.fieldErrors).toEqual({ email: 'Enter an email address like name@example.nhs.uk' })
    expect(body.values).toMatchObject({ name: 'Zoe New', email: 'zoe.new@nhs' })
    expect(await db.selectFrom('outbox').select('id').execute()).toEqual([])
  })
})

describe('self-service password reset', () => {
  it('gives the same answer whether or not the address exists, and e-mails a link only to a real account', async () => {
    const db = await getDb()
    const person = await createUser(db, 'supervisor')
    const known = await (await run(forgotAction, formRequest('/forgot-password', { email: person.email.toUpperCase() }))).json()
    const unknown = await (await run(forgotAction, formRequest('/forgot-password', { email: 'nobody@test.attune.test' }))).json()
    expect({ ...known, email: '' }).toEqual({ ...unknown, email: '' })
    expect(known).toEqual({ ok: true, email: person.email.toUpperCase(), minutes: 60 })
    expect(await deliver()).toMatchObject({ sent: 1 })
    expect(sink.mails.map((m) => [m.to, m.subject])).toEqual([[person.email, 'Reset your Attune password']])
  })

  it('resets through the e-mailed link once: the new password works, the old one and the link stop working', async () => {
    const db = await getDb()
    const person = await createUser(db, 'trainee')
    const oldCookie = await signInCookie(person.email)
    await run(forgotAction, formRequest('/forgot-password', { email: person.email }))
    await deliver()
    const token = tokenOf(linkIn(sink.mails[0], '/set-password/'))
    const stored = await db.selectFrom('password_tokens').selectAll().where('user_id', '=', person.id).executeTakeFirstOrThrow()
    expect(stored.purpose).toBe('reset')
    expect(stored.token_hash).not.toContain(token)
    expect(Date.parse(stored.expires_at) - Date.parse(stored.created_at)).toBe(60 * 60 * 1000)
    const set = await run(setPasswordAction, formRequest(`/set-password/${token}`, { password: 'a brand new secret', confirmPassword: 'a brand new secret' }), { token })
    expect(set.status).toBe(302)
    await signInCookie(person.email, 'a brand new secret')
    const oldPassword = await run(loginAction, formRequest('/login', { email: person.email, password: 'correct horse battery staple' }))
    expect(oldPassword.status).toBe(200)
    // Sessions signed in with the old password are ended.
    expect(
      await db
        .selectFrom('sessions')
        .select('id')
        .where('id', '=', decodeURIComponent(oldCookie.split('=')[1]).split('.')[0])
        .execute(),
    ).toEqual([])
    const again = await run(setPasswordAction, formRequest(`/set-password/${token}`, { password: 'yet another secret', confirmPassword: 'yet another secret' }), { token })
    expect((await again.json()).formError).toMatch(/does not work/)
  })

  it(`throttles: 50 requests for one address send ${RESETS_PER_HOUR} e-mails, and the answer never changes`, async () => {
    const db = await getDb()
    const person = await createUser(db, 'trainee')
    const answers = new Set<string>()
    for (let i = 0; i < 50; i++) answers.add(JSON.stringify(await (await run(forgotAction, formRequest('/forgot-password', { email: person.email }))).json()))
    expect(answers.size).toBe(1)
    expect(await deliver()).toMatchObject({ sent: RESETS_PER_HOUR })
    expect(sink.mails).toHaveLength(RESETS_PER_HOUR)
    // An hour later, one more is allowed again.
    await db.transaction().execute((trx) => requestPasswordReset(trx, person.email, new Date(Date.now() + 61 * 60 * 1000)))
    expect(await db.selectFrom('outbox').select('id').where('kind', '=', 'password_reset').execute()).toHaveLength(RESETS_PER_HOUR + 1)
  })
})

describe('e-mail choices and unsubscribing', () => {
  async function decidedSession() {
    const db = await getDb()
    const world = await programmeWithTrainee(db)
    const session = await supervisionSession(db, world.enrolment)
    const cookie = await signInCookie(world.supervisor.email)
    await run(
      supervisorAction,
      formRequest(`/supervisor/trainees/${world.enrolment.id}`, { intent: 'return-session', sessionId: String(session.id), comment: 'The date looks wrong' }, cookie),
      {
        enrolmentId: String(world.enrolment.id),
      },
    )
    return world
  }

  it('unsubscribes in one click from the e-mailed link, without signing in; essential e-mail still goes', async () => {
    const db = await getDb()
    const { trainee } = await decidedSession()
    await deliver()
    const url = linkIn(sink.mails[0], '/unsubscribe/')
    expect(sink.mails[0].text).toContain('> The date looks wrong')
    const token = tokenOf(url)
    expect(await (await run(unsubscribeLoader, getRequest(`/unsubscribe/${token}`), { token })).json()).toEqual({ valid: true, email: trainee.email, off: false })
    // Opening the link changes nothing (mail scanners open links); the button does.
    expect((await db.selectFrom('users').select('email_frequency').where('id', '=', trainee.id).executeTakeFirstOrThrow()).email_frequency).toBe('immediate')
    expect(await (await run(unsubscribeAction, formRequest(`/unsubscribe/${token}`, {}), { token })).json()).toEqual({ done: true })
    expect((await db.selectFrom('users').select('email_frequency').where('id', '=', trainee.id).executeTakeFirstOrThrow()).email_frequency).toBe('off')
    // A mail program's one-click POST (no Origin header) works too.
    expect((await run(unsubscribeAction, new Request(`http://localhost/unsubscribe/${token}`, { method: 'POST', body: 'List-Unsubscribe=One-Click' }), { token })).status).toBe(200)
    // Non-essential messages stop; a reset still goes.
    await decidedSession()
    const before = (await db.selectFrom('outbox').select('id').where('recipient_id', '=', trainee.id).execute()).length
    await db.transaction().execute((trx) => requestPasswordReset(trx, trainee.email))
    expect((await db.selectFrom('outbox').select('id').where('recipient_id', '=', trainee.id).execute()).length).toBe(before + 1)
  })

  it('refuses a forged or altered unsubscribe link', async () => {
    const db = await getDb()
    const person = await createUser(db, 'trainee')
    const token = tokenOf(`http://x${unsubscribePath(person.id)}`)
    const forged = `${person.id + 1}.${token.split('.')[1]}`
    expect(await (await run(unsubscribeLoader, getRequest(`/unsubscribe/${forged}`), { token: forged })).json()).toEqual({ valid: false })
    expect((await run(unsubscribeAction, formRequest(`/unsubscribe/${forged}`, {}), { token: forged })).status).toBe(404)
  })

  it('holds a daily chooser’s messages for one round-up, which lists them with their links', async () => {
    const db = await getDb()
    const world = await programmeWithTrainee(db)
    const cookie = await signInCookie(world.trainee.email)
    expect(await (await run(accountLoader, getRequest('/account', cookie))).json()).toEqual({ frequency: 'immediate', email: world.trainee.email })
    const bad = await (await run(accountAction, formRequest('/account', { frequency: 'hourly' }, cookie))).json()
    expect(bad.fieldErrors.frequency).toBe('Choose how often you want e-mail')
    expect((await run(accountAction, formRequest('/account', { frequency: 'daily' }, cookie))).status).toBe(302)
    for (let i = 0; i < 2; i++) {
      const session = await supervisionSession(db, world.enrolment)
      await run(
        supervisorAction,
        formRequest(`/supervisor/trainees/${world.enrolment.id}`, { intent: 'confirm-sessions', sessionIds: String(session.id) }, await signInCookie(world.supervisor.email)),
        {
          enrolmentId: String(world.enrolment.id),
        },
      )
    }
    expect(await deliver()).toMatchObject({ sent: 0 })
    await runScheduledEmail(db, 'test')
    await deliver()
    const toTrainee = sink.mails.filter((m) => m.to === world.trainee.email)
    expect(toTrainee.map((m) => m.subject)).toEqual(['Your daily round-up from Attune: 2 updates'])
    expect(toTrainee[0].text.match(/Supervision session of 10 Mar 2026 confirmed\n {2}http:\/\/localhost:3000\/trainee\/supervision\/\d+/g)).toHaveLength(2)
    expect(await db.selectFrom('outbox').select('status').where('kind', '=', 'session_confirmed').execute()).toEqual([{ status: 'bundled' }, { status: 'bundled' }])
  })
})
