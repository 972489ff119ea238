// Issue 11: eight hours of supervision or nine shared reviews on one day are saved (never refused),
// and the trainee is warned after logging, the supervisor beside the session to confirm.
import { describe, expect, it } from 'vitest'
import { createClientRow, createCycleRow, createEnrolment, createUser } from '../../factories'
import { formRequest, getRequest, run, signInCookie } from '../../http'
import { loader as cyclePage } from '~/routes/trainee.cycles.$cycleId'
import { action as logCycle } from '~/routes/trainee.cycles.new'
import { loader as sessionPage } from '~/routes/trainee.supervision.$sessionId'
import { action as logSession } from '~/routes/trainee.supervision.new'
import { loader as supervisorPage } from '~/routes/supervisor.trainees.$enrolmentId'
import { getDb } from '~/utils/db.server'

async function trainee() {
  const db = await getDb()
  const supervisor = await createUser(db, 'supervisor')
  const person = await createUser(db, 'trainee')
  const enrolment = await createEnrolment(db, { traineeId: person.id, supervisorId: supervisor.id, stage: 1, startedOn: '2026-01-05' })
  return { db, enrolment, supervisor, traineeCookie: await signInCookie(person.email), supervisorCookie: await signInCookie(supervisor.email) }
}

const session = (supervisorId: number, minutes: string) => ({ held_on: '2026-03-02', minutes, format: 'group', supervisor_id: String(supervisorId), notes: '' })

describe('implausible evidence', () => {
  it('saves 8 hours of supervision on one day, then warns the trainee and the supervisor', async () => {
    const { db, enrolment, supervisor, traineeCookie, supervisorCookie } = await trainee()
    const first = await run(logSession, formRequest('/trainee/supervision/new', session(supervisor.id, '240'), traineeCookie))
    expect(first.status).toBe(302)
    const firstId = first.headers.get('Location')!.split('/').pop()!
    // 4 hours is within the seeded 5 a day: no warning.
    expect((await (await run(sessionPage, getRequest(`/trainee/supervision/${firstId}`, traineeCookie), { sessionId: firstId })).json()).warnings).toEqual([])

    const second = await run(logSession, formRequest('/trainee/supervision/new', session(supervisor.id, '240'), traineeCookie))
    expect(second.status).toBe(302)
    const secondId = second.headers.get('Location')!.split('/').pop()!
    const saved = await db.selectFrom('supervision_sessions').select(['minutes', 'status']).where('enrolment_id', '=', enrolment.id).execute()
    expect(saved).toEqual([
      { minutes: 240, status: 'pending' },
      { minutes: 240, status: 'pending' },
    ])
    const page = await (await run(sessionPage, getRequest(`/trainee/supervision/${secondId}`, traineeCookie), { sessionId: secondId })).json()
    expect(page.warnings.map((w: { message: string }) => w.message)).toEqual([
      '8 hours of supervision are logged on 2 Mar 2026, more than the 5 hours a day that is usual. Check the dates and that no session is logged twice.',
    ])

    const supervisorView = await (await run(supervisorPage, getRequest(`/supervisor/trainees/${enrolment.id}`, supervisorCookie), { enrolmentId: String(enrolment.id) })).json()
    expect(supervisorView.sessions).toHaveLength(2)
    expect(supervisorView.sessionWarnings.map((w: { date: string; kind: string; amount: number }) => [w.date, w.kind, w.amount])).toEqual([['2026-03-02', 'supervision', 480]])
  })

  it('follows the rule set’s own limit, set by an admin', async () => {
    const { db, enrolment, supervisor, traineeCookie } = await trainee()
    await db.updateTable('rule_sets').set({ max_supervision_minutes_per_day: 480 }).where('id', '=', enrolment.rule_set_id).execute()
    await run(logSession, formRequest('/trainee/supervision/new', session(supervisor.id, '240'), traineeCookie))
    const second = await run(logSession, formRequest('/trainee/supervision/new', session(supervisor.id, '240'), traineeCookie))
    const id = second.headers.get('Location')!.split('/').pop()!
    expect((await (await run(sessionPage, getRequest(`/trainee/supervision/${id}`, traineeCookie), { sessionId: id })).json()).warnings).toEqual([])
  })

  it('saves a ninth shared review on one day and takes the trainee to the cycle, warned', async () => {
    const { db, enrolment, traineeCookie } = await trainee()
    const clients = [await createClientRow(db, enrolment.trainee_id), await createClientRow(db, enrolment.trainee_id)]
    for (let i = 0; i < 8; i++) await createCycleRow(db, { enrolmentId: enrolment.id, clientId: clients[i % 2].id, filmedOn: '2026-03-01', reviewedOn: '2026-03-02' })
    const logged = await run(
      logCycle,
      formRequest('/trainee/cycles/new', { client_id: String(clients[0].id), filmed_on: '2026-03-01', reviewed_on: '2026-03-02', clip_count: '3', notes: '' }, traineeCookie),
    )
    expect(logged.status).toBe(302)
    const location = logged.headers.get('Location')!
    expect(location).toMatch(/^\/trainee\/cycles\/\d+$/)
    const id = location.split('/').pop()!
    expect(await db.selectFrom('cycles').select('id').where('enrolment_id', '=', enrolment.id).execute()).toHaveLength(9)
    const page = await (await run(cyclePage, getRequest(location, traineeCookie), { cycleId: id })).json()
    expect(page.warnings.map((w: { message: string }) => w.message)).toEqual([
      '9 shared reviews are logged on 2 Mar 2026, more than the 4 shared reviews a day that is usual. Check the shared review dates.',
    ])
  })

  it('takes the trainee home as before when the day is plausible', async () => {
    const { db, enrolment, traineeCookie } = await trainee()
    const client = await createClientRow(db, enrolment.trainee_id)
    const logged = await run(
      logCycle,
      formRequest('/trainee/cycles/new', { client_id: String(client.id), filmed_on: '2026-03-01', reviewed_on: '2026-03-02', clip_count: '3', notes: '' }, traineeCookie),
    )
    expect(logged.headers.get('Location')).toBe('/trainee')
  })
})
