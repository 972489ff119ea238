import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { decideSession } from '~/models/review.server'
import { claimDueMessages, deliverDueMessages, enqueueMessage, type MailTransport } from '~/models/outbox.server'
import { action as outboxAction, loader as outboxLoader } from '~/routes/admin.outbox'
import { action as supervisorAction } from '~/routes/supervisor.trainees.$enrolmentId'
import { getDb } from '~/utils/db.server'
import { createMailTransport } from '~/utils/mailer.server'
import { createUser } from '../../factories'
import { formRequest, getRequest, run, signInCookie } from '../../http'
import { startSmtpSink, type SmtpSink } from '../../smtp'
import { programmeWithTrainee, supervisionSession } from '../oversight/world'

const FROM = 'Attune <no-reply@localhost>'
let sink: SmtpSink
let transport: MailTransport

beforeEach(async () => {
  sink = await startSmtpSink()
  transport = createMailTransport(sink.url)
})
afterEach(async () => {
  await sink.close()
})

async function outboxRows() {
  const db = await getDb()
  return db.selectFrom('outbox').selectAll().orderBy('id').execute()
}

async function confirmSession() {
  const db = await getDb()
  const world = await programmeWithTrainee(db)
  const session = await supervisionSession(db, world.enrolment)
  const cookie = await signInCookie(world.supervisor.email)
  const response = await run(supervisorAction, formRequest(`/supervisor/trainees/${world.enrolment.id}`, { intent: 'confirm-sessions', sessionIds: String(session.id) }, cookie), {
    enrolmentId: String(world.enrolment.id),
  })
  return { ...world, session, response }
}

describe('the transactional outbox', () => {
  it('writes the message in the same transaction as the event, for the trainee, with a link to the page that acts on it', async () => {
    const { trainee, session, response } = await confirmSession()
    expect(response.status).toBe(302)
    const [row] = await outboxRows()
    expect(row).toMatchObject({
      kind: 'session_confirmed',
      to_address: trainee.email,
      subject: 'Supervision session of 10 Mar 2026 confirmed',
      status: 'pending',
      essential: 0,
      attempts: 0,
      link: `http://localhost:3000/trainee/supervision/${session.id}`,
    })
    expect(row.text_body).toContain(`http://localhost:3000/trainee/supervision/${session.id}`)
    expect(row.text_body).toMatch(/Unsubscribe from all but essential e-mail: http:\/\/localhost:3000\/unsubscribe\//)
  })

  it('writes nothing when the event rolls back', async () => {
    const db = await getDb()
    const { supervisor, enrolment } = await programmeWithTrainee(db)
    const session = await supervisionSession(db, enrolment)
    await expect(
      db.transaction().execute(async (trx) => {
        await decideSession(trx, supervisor, { enrolmentId: enrolment.id, sessionId: session.id, decision: 'returned', comment: 'Wrong date' })
        expect(await trx.selectFrom('outbox').select('id').execute()).toHaveLength(1)
        throw new Error('something later in the action failed')
      }),
    ).rejects.toThrow('something later')
    expect(await outboxRows()).toEqual([])
    expect((await db.selectFrom('supervision_sessions').select('status').where('id', '=', session.id).executeTakeFirstOrThrow()).status).toBe('pending')
  })

  it('delivers through a real SMTP server: text and HTML, a stable Message-ID, a one-click unsubscribe header; marked sent', async () => {
    const { trainee } = await confirmSession()
    const db = await getDb()
    expect(await deliverDueMessages(db, transport, { from: FROM })).toEqual({ sent: 1, retrying: 0, failed: 0, uncertain: 0 })
    expect(sink.mails).toHaveLength(1)
    const [mail] = sink.mails
    const [row] = await outboxRows()
    expect(mail).toMatchObject({
      to: trainee.email,
      from: '"Attune" <no-reply@localhost>',
      subject: 'Supervision session of 10 Mar 2026 confirmed',
      messageId: `<outbox-${row.id}@localhost>`,
    })
    expect(mail.text).toContain('confirmed your supervision session of 10 Mar 2026')
    expect(mail.html).toContain('<a href="http://localhost:3000/trainee/supervision/')
    expect(mail.listUnsubscribe).toMatch(/<http:\/\/localhost:3000\/unsubscribe\/\d+\.[\w-]+>/)
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null })
    expect(row.sent_at).not.toBeNull()
    // Nothing is sent twice by a later round.
    expect(await deliverDueMessages(db, transport, { from: FROM })).toEqual({ sent: 0, retrying: 0, failed: 0, uncertain: 0 })
    expect(sink.mails).toHaveLength(1)
  })

  it('retries a refused delivery after a back-off, recording the error, then sends it once', async () => {
    await confirmSession()
    const db = await getDb()
    const now = new Date('2026-11-30T09:00:00.000Z')
    await db.updateTable('outbox').set({ next_attempt_at: now.toISOString() }).execute()
    sink.refuseNext(1)
    expect(await deliverDueMessages(db, transport, { from: FROM, now })).toMatchObject({ sent: 0, retrying: 1 })
    const [refused] = await outboxRows()
    expect(refused).toMatchObject({ status: 'pending', attempts: 1, claim_token: null })
    expect(refused.last_error).toMatch(/451.*busy/)
    expect(refused.next_attempt_at > now.toISOString()).toBe(true)
    // Not yet due: nothing happens.
    expect(await deliverDueMessages(db, transport, { from: FROM, now })).toMatchObject({ sent: 0, retrying: 0 })
    expect(await deliverDueMessages(db, transport, { from: FROM, now: new Date(Date.parse(refused.next_attempt_at) + 1000) })).toMatchObject({ sent: 1 })
    expect(sink.mails).toHaveLength(1)
    expect((await outboxRows())[0]).toMatchObject({ status: 'sent', attempts: 2 })
  })

  it('keeps the message when the relay is down, gives up after six attempts, and an admin can send it again', async () => {
    const { response } = await confirmSession()
    expect(response.status).toBe(302) // the action succeeded whatever the relay does
    const db = await getDb()
    const down = createMailTransport('smtp://127.0.0.1:1')
    let now = new Date()
    for (let attempt = 1; attempt <= 6; attempt++) {
      const round = await deliverDueMessages(db, down, { from: FROM, now })
      expect(round).toMatchObject(attempt < 6 ? { retrying: 1 } : { failed: 1 })
      now = new Date(Date.parse((await outboxRows())[0].next_attempt_at) + 1000)
    }
    const [failed] = await outboxRows()
    expect(failed).toMatchObject({ status: 'failed', attempts: 6 })
    expect(failed.last_error).toMatch(/ECONNREFUSED|connect/i)

    const admin = await createUser(db, 'admin')
    const cookie = await signInCookie(admin.email)
    const page = await (await run(outboxLoader, getRequest('/admin/outbox', cookie))).json()
    expect(page).toMatchObject({ relay: null, counts: { failed: 1 } })
    expect(page.messages[0]).toMatchObject({ subject: 'Supervision session of 10 Mar 2026 confirmed', status: 'failed', attempts: 6 })
    expect(page.messages[0]).not.toHaveProperty('text_body')
    expect((await run(outboxAction, formRequest('/admin/outbox', { messageId: String(failed.id) }, cookie))).status).toBe(302)
    expect(await deliverDueMessages(db, transport, { from: FROM })).toMatchObject({ sent: 1 })
    expect(sink.mails).toHaveLength(1)
  })

  it('sends a message once when the sender crashed between delivering and marking it: it becomes uncertain, not sent again', async () => {
    await confirmSession()
    const db = await getDb()
    const now = new Date()
    // A sender claims and delivers, then dies before marking.
    const [claimed] = await claimDueMessages(db, { now })
    await transport.sendMail({
      from: FROM,
      to: claimed.to_address,
      subject: claimed.subject,
      text: claimed.text_body,
      html: claimed.html_body,
      messageId: `<outbox-${claimed.id}@localhost>`,
    })
    expect(sink.mails).toHaveLength(1)
    // Another sender, while the claim is fresh, leaves the row alone.
    expect(await deliverDueMessages(db, transport, { from: FROM, now: new Date(now.getTime() + 60_000) })).toEqual({ sent: 0, retrying: 0, failed: 0, uncertain: 0 })
    // After the claim has lapsed: recovered as uncertain, never delivered again.
    expect(await deliverDueMessages(db, transport, { from: FROM, now: new Date(now.getTime() + 11 * 60_000) })).toMatchObject({ sent: 0, uncertain: 1 })
    expect(await deliverDueMessages(db, transport, { from: FROM, now: new Date(now.getTime() + 24 * 60 * 60_000) })).toMatchObject({ sent: 0, uncertain: 0 })
    expect(sink.mails).toHaveLength(1)
    const [row] = await outboxRows()
    expect(row).toMatchObject({ status: 'uncertain', attempts: 1 })
    expect(row.last_error).toMatch(/may or may not have arrived/)
  })

  it('never lets two senders claim the same message', async () => {
    const db = await getDb()
    const { trainee } = await programmeWithTrainee(db)
    const letter = { subject: 'S', greeting: 'Hello,', paragraphs: ['p'], link: 'http://localhost:3000/' }
    for (let i = 0; i < 10; i++) await enqueueMessage(db, { kind: 'test', recipientId: trainee.id, letter })
    const [a, b] = await Promise.all([claimDueMessages(db, { limit: 6 }), claimDueMessages(db, { limit: 6 })])
    const ids = [...a, ...b].map((m) => m.id)
    expect(ids).toHaveLength(10)
    expect(new Set(ids).size).toBe(10)
  })

  it('lets only admins see the outbox', async () => {
    const db = await getDb()
    const { lead, supervisor, trainee, accreditor } = await programmeWithTrainee(db)
    for (const person of [lead, supervisor, trainee, accreditor]) {
      expect((await run(outboxLoader, getRequest('/admin/outbox', await signInCookie(person.email)))).status).toBe(403)
    }
  })
})
