// Issue 12: stage decisions with a checked summary (nothing is decided until confirmed), unread
// reflections that stay on the to-do queue after a sign-off, bulk confirmation of sessions (all or
// nothing, only one's own trainee's), and the supervisor's search and filters, scoped in the query.
import { describe, expect, it } from 'vitest'
import { action as accreditorAction, loader as accreditorLoader } from '~/routes/accreditor.enrolments.$enrolmentId'
import { loader as caseloadLoader } from '~/routes/supervisor._index'
import { action, loader } from '~/routes/supervisor.trainees.$enrolmentId'
import { today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { createEnrolment, createUser } from '../../factories'
import { formRequest, getRequest, run, signInCookie } from '../../http'
import { auditActions, programmeWithTrainee, stageEvidence, submittedReflection, supervisionSession, twoProgrammes } from './world'

async function post(enrolmentId: number, cookie: string, fields: Record<string, string | string[]>) {
  return run(action, formRequest(`/supervisor/trainees/${enrolmentId}`, fields, cookie), { enrolmentId: String(enrolmentId) })
}

async function page(enrolmentId: number, cookie: string, search = '') {
  return run(loader, getRequest(`/supervisor/trainees/${enrolmentId}${search}`, cookie), { enrolmentId: String(enrolmentId) })
}

const signOffFields = { intent: 'sign-off', stageNumber: '1', meetingHeldOn: '2026-04-02', meetingNotes: 'All good', overrideReason: '' }

describe('signing off needs a confirmed summary', () => {
  it('the first post shows the summary (an unread reflection listed) and writes nothing; the confirmation signs off', async () => {
    const db = await getDb()
    const { supervisor, enrolment, trainee } = await programmeWithTrainee(db)
    await stageEvidence(db, enrolment)
    const cookie = await signInCookie(supervisor.email)
    const before = await (await page(enrolment.id, cookie)).json()
    expect(before.signOff.summary).toMatchObject({ unmet: 0, needsReason: false, clear: false, unreadReflections: ['Stage-end written reflection, submitted 1 Apr 2026'] })

    const first = await post(enrolment.id, cookie, signOffFields)
    expect(first.status).toBe(200)
    expect(await first.json()).toMatchObject({ intent: 'sign-off', confirming: true, values: { meetingHeldOn: '2026-04-02' } })
    expect(await db.selectFrom('sign_offs').select('id').execute()).toEqual([])
    expect(await db.selectFrom('stage_meetings').select('id').execute()).toEqual([])
    expect(await auditActions(db, enrolment.id)).toEqual([])

    expect((await post(enrolment.id, cookie, { ...signOffFields, confirmed: 'true' })).status).toBe(302)
    expect(await db.selectFrom('sign_offs').select(['enrolment_id', 'override_reason']).execute()).toEqual([{ enrolment_id: enrolment.id, override_reason: null }])
    expect(trainee.id).toBe(enrolment.trainee_id)
  })

  it('an unmet requirement: the summary asks for a reason; confirming without one is refused, nothing written', async () => {
    const db = await getDb()
    const { supervisor, enrolment } = await programmeWithTrainee(db)
    await stageEvidence(db, enrolment, 1, { short: true })
    const cookie = await signInCookie(supervisor.email)
    const summary = (await (await page(enrolment.id, cookie)).json()).signOff.summary
    expect(summary).toMatchObject({ unmet: 1, needsReason: true })
    expect(summary.requirements.find((r: { met: boolean }) => !r.met)).toEqual({ label: 'Completed cycles', detail: 'Not met: 2 more completed cycles', met: false })
    expect(await (await post(enrolment.id, cookie, signOffFields)).json()).toMatchObject({ confirming: true })
    const noReason = await (await post(enrolment.id, cookie, { ...signOffFields, confirmed: 'true' })).json()
    expect(noReason).toMatchObject({ intent: 'sign-off', values: { confirmed: 'true' } })
    expect(noReason.fieldErrors.overrideReason).toMatch(/^Not every requirement holds \(still missing: 2 more completed cycles\)/)
    expect(await db.selectFrom('sign_offs').select('id').execute()).toEqual([])
    expect(await auditActions(db, enrolment.id)).toEqual([])
    expect((await post(enrolment.id, cookie, { ...signOffFields, confirmed: 'true', overrideReason: 'Prior learning recognised' })).status).toBe(302)
    expect(await auditActions(db, enrolment.id)).toEqual(['meeting.recorded', 'stage.signed_off_with_requirement_unmet'])
  })

  it('the first step still checks: no meeting date is refused beside the field', async () => {
    const db = await getDb()
    const { supervisor, enrolment } = await programmeWithTrainee(db)
    await stageEvidence(db, enrolment)
    const answer = await (await post(enrolment.id, await signInCookie(supervisor.email), { ...signOffFields, meetingHeldOn: '' })).json()
    expect(answer.fieldErrors).toEqual({ meetingHeldOn: 'Enter the date of the transition meeting' })
    expect(answer.confirming).toBeUndefined()
  })

  it('another supervisor’s first step is a 404, like their confirmation', async () => {
    const db = await getDb()
    const { mine, other } = await twoProgrammes(db)
    await stageEvidence(db, mine.enrolment)
    const cookie = await signInCookie(other.supervisor.email)
    expect((await post(mine.enrolment.id, cookie, signOffFields)).status).toBe(404)
    expect((await post(mine.enrolment.id, cookie, { ...signOffFields, confirmed: 'true' })).status).toBe(404)
  })
})

describe('unread reflections after a sign-off', () => {
  it('stay on the to-do queue and can still be given feedback while the stage waits for the accreditor', async () => {
    const db = await getDb()
    const { supervisor, enrolment } = await programmeWithTrainee(db)
    await stageEvidence(db, enrolment)
    const session = await submittedReflection(db, enrolment)
    const cookie = await signInCookie(supervisor.email)
    expect((await post(enrolment.id, cookie, { ...signOffFields, confirmed: 'true' })).status).toBe(302)
    const queue = async () => (await (await run(caseloadLoader, getRequest('/supervisor', cookie))).json()).todos.map((t: { kind: string; title: string }) => [t.kind, t.title])
    expect((await queue()).filter(([kind]: string[]) => kind === 'read_reflection')).toEqual([
      ['read_reflection', 'Read the reflection submitted on 11 Mar 2026'],
      ['read_reflection', 'Read the Stage 1 written reflection'],
    ])
    expect((await post(enrolment.id, cookie, { intent: 'feedback', reflectionId: String(session.id), feedback: 'Lovely noticing.' })).status).toBe(302)
    expect((await queue()).filter(([kind]: string[]) => kind === 'read_reflection')).toEqual([['read_reflection', 'Read the Stage 1 written reflection']])
    // The evidence itself stays locked: a pending session cannot be decided.
    const pending = await supervisionSession(db, enrolment)
    expect((await (await post(enrolment.id, cookie, { intent: 'confirm-sessions', sessionIds: String(pending.id) })).json()).formError).toMatch(/signed off and is waiting for accreditation/)
  })
})

describe('confirming several sessions at once', () => {
  it('confirms the ticked sessions in one go, each audited', async () => {
    const db = await getDb()
    const { supervisor, enrolment } = await programmeWithTrainee(db)
    const [a, b, c] = [await supervisionSession(db, enrolment), await supervisionSession(db, enrolment), await supervisionSession(db, enrolment)]
    const response = await post(enrolment.id, await signInCookie(supervisor.email), { intent: 'confirm-sessions', sessionIds: [String(a.id), String(c.id)] })
    expect(response.status).toBe(302)
    expect(await db.selectFrom('supervision_sessions').select(['id', 'status', 'decided_by']).orderBy('id').execute()).toEqual([
      { id: a.id, status: 'confirmed', decided_by: supervisor.id },
      { id: b.id, status: 'pending', decided_by: null },
      { id: c.id, status: 'confirmed', decided_by: supervisor.id },
    ])
    expect(await auditActions(db, enrolment.id)).toEqual(['supervision.confirmed', 'supervision.confirmed'])
  })

  it('confirms none when one id is another supervisor’s session (404) or one is already decided (refused)', async () => {
    const db = await getDb()
    const { mine, other } = await twoProgrammes(db)
    const own = await supervisionSession(db, mine.enrolment)
    const theirs = await supervisionSession(db, other.enrolment)
    const cookie = await signInCookie(mine.supervisor.email)
    expect((await post(mine.enrolment.id, cookie, { intent: 'confirm-sessions', sessionIds: [String(own.id), String(theirs.id)] })).status).toBe(404)
    // Naming the other trainee's enrolment in the URL reaches nothing either.
    expect((await post(other.enrolment.id, cookie, { intent: 'confirm-sessions', sessionIds: [String(theirs.id)] })).status).toBe(404)
    const done = await supervisionSession(db, mine.enrolment, { status: 'confirmed' })
    const refused = await (await post(mine.enrolment.id, cookie, { intent: 'confirm-sessions', sessionIds: [String(own.id), String(done.id)] })).json()
    expect(refused.formError).toMatch(/already confirmed/)
    expect(await db.selectFrom('supervision_sessions').select(['id', 'status']).where('status', '=', 'confirmed').execute()).toEqual([{ id: done.id, status: 'confirmed' }])
    expect(await auditActions(db, mine.enrolment.id)).toEqual([])
    expect(await auditActions(db, other.enrolment.id)).toEqual([])
  })

  it('asks for a choice when nothing is ticked, and refuses other roles', async () => {
    const db = await getDb()
    const { mine } = await twoProgrammes(db)
    const session = await supervisionSession(db, mine.enrolment)
    const none = await (await post(mine.enrolment.id, await signInCookie(mine.supervisor.email), { intent: 'confirm-sessions' })).json()
    expect(none.fieldErrors).toEqual({ sessionIds: 'Choose at least one session to confirm' })
    for (const person of [mine.trainee, mine.lead, mine.accreditor]) {
      expect((await post(mine.enrolment.id, await signInCookie(person.email), { intent: 'confirm-sessions', sessionIds: [String(session.id)] })).status).toBe(403)
    }
    expect((await db.selectFrom('supervision_sessions').select('status').executeTakeFirstOrThrow()).status).toBe('pending')
  })
})

describe('the supervisor’s search and filters', () => {
  it('finds trainees by name and status among their own only', async () => {
    const db = await getDb()
    const { mine, other } = await twoProgrammes(db)
    const second = await createUser(db, 'trainee', { organisationId: mine.organisation.id, name: 'Zoe Ampersand' })
    await createEnrolment(db, { traineeId: second.id, programmeId: mine.programme.id, supervisorId: mine.supervisor.id, accreditorId: mine.accreditor.id, stage: 1 })
    await db.updateTable('users').set({ name: 'Zoe Other' }).where('id', '=', other.trainee.id).execute()
    const cookie = await signInCookie(mine.supervisor.email)
    const caseload = async (search: string) =>
      (await (await run(caseloadLoader, getRequest(`/supervisor${search}`, cookie))).json()) as { trainees: { trainee_name: string }[]; todos: unknown[]; total: number }
    const byName = await caseload('?name=zoe')
    expect(byName.trainees.map((t) => t.trainee_name)).toEqual(['Zoe Ampersand'])
    expect(byName.total).toBe(2)
    expect((await caseload('?status=accredited')).trainees).toEqual([])
    expect((await caseload('?status=active')).trainees).toHaveLength(2)
    // An unreadable status is no filter, never an error.
    expect((await caseload('?status=%3Cscript%3E')).trainees).toHaveLength(2)
  })

  it('narrows a trainee’s records by client code, dates and status in the query; another supervisor gets a 404', async () => {
    const db = await getDb()
    const { mine, other } = await twoProgrammes(db)
    await stageEvidence(db, mine.enrolment)
    const pending = await supervisionSession(db, mine.enrolment)
    const cookie = await signInCookie(mine.supervisor.email)
    const all = await (await page(mine.enrolment.id, cookie)).json()
    expect([all.cycles.length, all.sessions.length, all.reflections.length]).toEqual([6, 8, 1])
    const byClient = await (await page(mine.enrolment.id, cookie, `?client=${encodeURIComponent(`c-${mine.enrolment.id}-1-1`)}`)).json()
    expect(byClient.cycles.map((c: { client_code: string }) => c.client_code)).toEqual(Array(3).fill(`C-${mine.enrolment.id}-1-1`))
    expect([byClient.sessions.length, byClient.reflections.length, byClient.filtered]).toEqual([0, 0, true])
    const waiting = await (await page(mine.enrolment.id, cookie, '?status=waiting')).json()
    expect(waiting.sessions.map((s: { id: number }) => s.id)).toEqual([pending.id])
    expect(waiting.cycles).toEqual([])
    expect(waiting.reflections).toHaveLength(1)
    const outOfRange = await (await page(mine.enrolment.id, cookie, '?from=2026-03-11&to=2026-03-31')).json()
    expect([outOfRange.cycles.length, outOfRange.sessions.length, outOfRange.reflections.length]).toEqual([0, 0, 0])
    const april = await (await page(mine.enrolment.id, cookie, '?from=2026-04-01&to=2026-04-01')).json()
    expect(april.reflections).toHaveLength(1)
    expect((await page(mine.enrolment.id, await signInCookie(other.supervisor.email), '?client=C')).status).toBe(404)
  })
})

describe('the accreditor’s decision needs a confirmed summary', () => {
  async function signedOff() {
    const db = await getDb()
    const world = await programmeWithTrainee(db)
    await stageEvidence(db, world.enrolment)
    await db.updateTable('reflections').set({ feedback: 'Read', feedback_by: world.supervisor.id }).execute()
    expect((await post(world.enrolment.id, await signInCookie(world.supervisor.email), { ...signOffFields, confirmed: 'true' })).status).toBe(302)
    return { ...world, cookie: await signInCookie(world.accreditor.email) }
  }
  const decide = (enrolmentId: number, cookie: string, fields: Record<string, string>) =>
    run(accreditorAction, formRequest(`/accreditor/enrolments/${enrolmentId}`, { stageNumber: '1', ...fields }, cookie), { enrolmentId: String(enrolmentId) })

  it('accredit: summary first, nothing written; confirmed, back to the page, which links to the new certificate', async () => {
    const db = await getDb()
    const { enrolment, cookie } = await signedOff()
    const first = await decide(enrolment.id, cookie, { intent: 'accredit', accreditedOn: today() })
    expect(await first.json()).toMatchObject({ intent: 'accredit', confirming: true })
    expect(await db.selectFrom('accreditations').select('id').execute()).toEqual([])
    const loaded = await (await run(accreditorLoader, getRequest(`/accreditor/enrolments/${enrolment.id}`, cookie), { enrolmentId: String(enrolment.id) })).json()
    expect(loaded.summary).toMatchObject({ unmet: 0, clear: true })
    const confirmed = await decide(enrolment.id, cookie, { intent: 'accredit', accreditedOn: today(), confirmed: 'true' })
    expect(confirmed.status).toBe(302)
    expect(confirmed.headers.get('Location')).toBe(`/accreditor/enrolments/${enrolment.id}`)
    const certificate = await db.selectFrom('certificates').select('number').where('enrolment_id', '=', enrolment.id).executeTakeFirstOrThrow()
    const after = await (await run(accreditorLoader, getRequest(`/accreditor/enrolments/${enrolment.id}`, cookie), { enrolmentId: String(enrolment.id) })).json()
    expect(after.certificates.map((c: { number: string }) => c.number)).toEqual([certificate.number])
  })

  it('return: the reasons are required at the first step; the summary writes nothing; the confirmation returns', async () => {
    const db = await getDb()
    const { enrolment, cookie } = await signedOff()
    expect((await (await decide(enrolment.id, cookie, { intent: 'return', reasons: '' })).json()).fieldErrors.reasons).toMatch(/^Enter what the trainee/)
    expect(await (await decide(enrolment.id, cookie, { intent: 'return', reasons: 'More on guiding, please.' })).json()).toMatchObject({ intent: 'return', confirming: true })
    expect(await db.selectFrom('accreditations').select('id').execute()).toEqual([])
    expect((await decide(enrolment.id, cookie, { intent: 'return', reasons: 'More on guiding, please.', confirmed: 'true' })).status).toBe(302)
    expect(await db.selectFrom('accreditations').select(['decision', 'reasons']).execute()).toEqual([{ decision: 'returned', reasons: 'More on guiding, please.' }])
  })
})
