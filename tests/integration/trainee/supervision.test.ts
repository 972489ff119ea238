import { describe, expect, it } from 'vitest'
import { createClientRow, createSessionRow, createUser } from '../../factories'
import { formRequest, getRequest, run } from '../../http'
import { enrolledTrainee, refusal, requirementOnHome } from './context'
import { action as newSession, loader as newSessionLoader } from '~/routes/trainee.supervision.new'
import { action as sessionAction, loader as sessionLoader } from '~/routes/trainee.supervision.$sessionId'

const session = (supervisorId: number, overrides: Record<string, string | string[]> = {}) => ({
  held_on: '2026-02-12',
  minutes: '90',
  format: 'one_to_one',
  supervisor_id: String(supervisorId),
  notes: 'Worked on receiving initiatives.',
  ...overrides,
})

describe('logging a supervision session', () => {
  it('offers the trainee’s own supervisor first, and saves the session as pending', async () => {
    const { db, trainee, enrolment, supervisorId, cookie } = await enrolledTrainee()
    const page = await (await run(newSessionLoader, getRequest('/trainee/supervision/new', cookie))).json()
    expect(page.defaultSupervisor).toBe(String(supervisorId))
    const client = await createClientRow(db, trainee.id)
    const response = await run(newSession, formRequest('/trainee/supervision/new', session(supervisorId, { client_ids: [String(client.id)] }), cookie))
    expect(response.status).toBe(302)
    const row = await db.selectFrom('supervision_sessions').selectAll().executeTakeFirstOrThrow()
    expect(response.headers.get('Location')).toBe(`/trainee/supervision/${row.id}`)
    expect(row).toMatchObject({ enrolment_id: enrolment.id, supervisor_id: supervisorId, minutes: 90, status: 'pending', stage_number: 1 })
    expect(await db.selectFrom('supervision_session_clients').selectAll().execute()).toEqual([{ session_id: row.id, client_id: client.id }])
    expect(await requirementOnHome(cookie, 'supervision')).toMatchObject({ done: 0, pending: 90, required: 420 })
  })

  it.each(['0', '14', '241', '600', '60.5', 'an hour', ''])('refuses %j minutes, keeping what was typed', async (minutes) => {
    const { db, supervisorId, cookie } = await enrolledTrainee()
    const fields = session(supervisorId, { minutes })
    const body = await refusal(await run(newSession, formRequest('/trainee/supervision/new', fields, cookie)))
    expect(body.fieldErrors).toEqual({ minutes: 'Enter the length as a whole number of minutes from 15 to 240 (sessions are usually 60, 90 or 120)' })
    expect(body.values).toEqual(fields)
    expect(await db.selectFrom('supervision_sessions').select('id').execute()).toHaveLength(0)
  })

  it('accepts a former supervisor of the enrolment but not any supervisor', async () => {
    const { db, enrolment, cookie } = await enrolledTrainee()
    const former = await createUser(db, 'supervisor')
    await db.insertInto('enrolment_assignments').values({ enrolment_id: enrolment.id, kind: 'supervisor', user_id: former.id, from_on: '2026-01-05', to_on: '2026-02-01' }).execute()
    expect((await run(newSession, formRequest('/trainee/supervision/new', session(former.id), cookie))).status).toBe(302)
    const stranger = await createUser(db, 'supervisor')
    const body = await refusal(await run(newSession, formRequest('/trainee/supervision/new', session(stranger.id), cookie)))
    expect(body.fieldErrors).toEqual({ supervisor_id: 'Choose your supervisor from the list' })
  })

  it('needs intervision consent to discuss a client in a group', async () => {
    const { db, trainee, supervisorId, cookie } = await enrolledTrainee()
    const client = await createClientRow(db, trainee.id, { code: 'AK-03', intervision: false })
    const body = await refusal(await run(newSession, formRequest('/trainee/supervision/new', session(supervisorId, { format: 'group', client_ids: [String(client.id)] }), cookie)))
    expect(body.fieldErrors.client_ids).toBe('AK-03 has not consented to intervision with other trainees, so their video cannot be discussed in a group session')
  })
})

describe('a logged session', () => {
  it('once returned, shows the comment and goes back to pending when corrected, audited', async () => {
    const { db, enrolment, supervisorId, cookie } = await enrolledTrainee()
    const row = await createSessionRow(db, { enrolmentId: enrolment.id, supervisorId, status: 'returned', returnComment: 'This was 60 minutes, not 90.', minutes: 90 })
    const params = { sessionId: String(row.id) }
    const page = await (await run(sessionLoader, getRequest(`/trainee/supervision/${row.id}`, cookie), params)).json()
    expect(page.session).toMatchObject({ status: 'returned', return_comment: 'This was 60 minutes, not 90.' })
    expect(page.lockedReason).toBeNull()
    const response = await run(sessionAction, formRequest(`/trainee/supervision/${row.id}`, { intent: 'update', ...session(supervisorId, { minutes: '60' }) }, cookie), params)
    expect(response.status).toBe(302)
    expect(await db.selectFrom('supervision_sessions').select(['status', 'minutes', 'decided_by', 'return_comment']).executeTakeFirstOrThrow()).toEqual({
      status: 'pending',
      minutes: 60,
      decided_by: null,
      return_comment: 'This was 60 minutes, not 90.',
    })
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'supervision_session.updated').executeTakeFirstOrThrow()
    expect(JSON.parse(audit.before_json!)).toMatchObject({ status: 'returned', minutes: 90 })
    expect(JSON.parse(audit.after_json!)).toMatchObject({ status: 'pending', minutes: 60 })
  })

  it('once confirmed, counts and is read-only', async () => {
    const { db, enrolment, supervisorId, cookie } = await enrolledTrainee()
    const row = await createSessionRow(db, { enrolmentId: enrolment.id, supervisorId, status: 'confirmed', minutes: 120 })
    const params = { sessionId: String(row.id) }
    expect(await requirementOnHome(cookie, 'supervision')).toMatchObject({ done: 120, pending: 0 })
    const page = await (await run(sessionLoader, getRequest(`/trainee/supervision/${row.id}`, cookie), params)).json()
    expect(page.lockedReason).toMatch(/^Your supervisor confirmed this session on 14 Feb 2026/)
    const edit = await refusal(await run(sessionAction, formRequest(`/trainee/supervision/${row.id}`, { intent: 'update', ...session(supervisorId) }, cookie), params))
    expect(edit.formError).toMatch(/Your supervisor confirmed this session .* so it is read-only/)
    const remove = await refusal(await run(sessionAction, formRequest(`/trainee/supervision/${row.id}`, { intent: 'delete' }, cookie), params))
    expect(remove.deleteError).toMatch(/read-only/)
    expect(await db.selectFrom('supervision_sessions').select(['minutes', 'status']).executeTakeFirstOrThrow()).toEqual({ minutes: 120, status: 'confirmed' })
  })

  it('a pending session can be deleted, taking its draft reflection with it', async () => {
    const { db, enrolment, supervisorId, cookie } = await enrolledTrainee()
    const row = await createSessionRow(db, { enrolmentId: enrolment.id, supervisorId })
    await db.insertInto('reflections').values({ enrolment_id: enrolment.id, kind: 'session', stage_number: 1, supervision_session_id: row.id, body: 'half a thought' }).execute()
    const response = await run(sessionAction, formRequest(`/trainee/supervision/${row.id}`, { intent: 'delete' }, cookie), { sessionId: String(row.id) })
    expect(response.headers.get('Location')).toBe('/trainee')
    expect(await db.selectFrom('supervision_sessions').select('id').execute()).toHaveLength(0)
    expect(await db.selectFrom('reflections').select('id').execute()).toHaveLength(0)
    expect((await db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((a) => a.action)).toEqual(['reflection.deleted', 'supervision_session.deleted'])
  })
})
