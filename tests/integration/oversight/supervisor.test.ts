import { describe, expect, it } from 'vitest'
import { action, loader } from '~/routes/supervisor.trainees.$enrolmentId'
import { loader as caseloadLoader } from '~/routes/supervisor._index'
import { today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { formRequest, getRequest, run, signInCookie } from '../../http'
import { auditActions, programmeWithTrainee, twoProgrammes, stageEvidence, submittedReflection, supervisionSession } from './world'

async function post(enrolmentId: number, cookie: string, fields: Record<string, string>) {
  return run(action, formRequest(`/supervisor/trainees/${enrolmentId}`, fields, cookie), { enrolmentId: String(enrolmentId) })
}

describe('a supervisor’s decisions', () => {
  it('confirms a session; returns another with a comment the trainee will see; both audited', async () => {
    const db = await getDb()
    const { supervisor, enrolment } = await programmeWithTrainee(db)
    const first = await supervisionSession(db, enrolment)
    const second = await supervisionSession(db, enrolment)
    const cookie = await signInCookie(supervisor.email)
    expect((await post(enrolment.id, cookie, { intent: 'confirm-sessions', sessionIds: String(first.id) })).status).toBe(302)
    const noComment = await post(enrolment.id, cookie, { intent: 'return-session', sessionId: String(second.id), comment: ' ' })
    expect(await noComment.json()).toMatchObject({ intent: 'return-session', values: { sessionId: String(second.id) }, fieldErrors: { comment: 'Enter what the trainee needs to correct' } })
    expect((await post(enrolment.id, cookie, { intent: 'return-session', sessionId: String(second.id), comment: 'The date looks wrong: was it the 12th?' })).status).toBe(302)
    const sessions = await db.selectFrom('supervision_sessions').select(['id', 'status', 'decided_by', 'return_comment']).orderBy('id').execute()
    expect(sessions).toEqual([
      { id: first.id, status: 'confirmed', decided_by: supervisor.id, return_comment: null },
      { id: second.id, status: 'returned', decided_by: supervisor.id, return_comment: 'The date looks wrong: was it the 12th?' },
    ])
    expect(await auditActions(db, enrolment.id)).toEqual(['supervision.confirmed', 'supervision.returned'])
    const again = await post(enrolment.id, cookie, { intent: 'confirm-sessions', sessionIds: String(first.id) })
    expect((await again.json()).formError).toMatch(/already confirmed/)
  })

  it('gives feedback on a reflection', async () => {
    const db = await getDb()
    const { supervisor, enrolment } = await programmeWithTrainee(db)
    const reflection = await submittedReflection(db, enrolment)
    const cookie = await signInCookie(supervisor.email)
    expect((await post(enrolment.id, cookie, { intent: 'feedback', reflectionId: String(reflection.id), feedback: '' })).status).toBe(200)
    expect((await post(enrolment.id, cookie, { intent: 'feedback', reflectionId: String(reflection.id), feedback: 'Lovely noticing.' })).status).toBe(302)
    expect(await db.selectFrom('reflections').select(['feedback', 'feedback_by']).where('id', '=', reflection.id).executeTakeFirstOrThrow()).toEqual({
      feedback: 'Lovely noticing.',
      feedback_by: supervisor.id,
    })
    expect(await auditActions(db, enrolment.id)).toEqual(['reflection.feedback_given'])
  })

  it('records the introduction session and an end-of-stage meeting not yet passed (actions required)', async () => {
    const db = await getDb()
    const { supervisor, enrolment } = await programmeWithTrainee(db, { stage: 2 })
    const cookie = await signInCookie(supervisor.email)
    expect((await post(enrolment.id, cookie, { intent: 'introduction', heldOn: '2026-02-01', notes: 'Expectations agreed' })).status).toBe(302)
    const future = await post(enrolment.id, cookie, { intent: 'introduction', heldOn: '2999-01-01', notes: '' })
    expect((await future.json()).fieldErrors.heldOn).toMatch(/cannot be in the future/)
    const noActions = await post(enrolment.id, cookie, { intent: 'end-meeting', heldOn: '2026-06-01', outcome: 'not_yet', notes: '', actions: '' })
    expect((await noActions.json()).fieldErrors.actions).toMatch(/Enter the actions/)
    expect((await post(enrolment.id, cookie, { intent: 'end-meeting', heldOn: '2026-06-01', outcome: 'not_yet', notes: 'Close', actions: 'Two more cycles' })).status).toBe(302)
    const meetings = await db.selectFrom('stage_meetings').select(['stage_number', 'kind', 'outcome', 'actions']).orderBy('id').execute()
    expect(meetings).toEqual([
      { stage_number: 2, kind: 'introduction', outcome: 'held', actions: '' },
      { stage_number: 2, kind: 'transition', outcome: 'not_yet', actions: 'Two more cycles' },
    ])
    expect(await auditActions(db, enrolment.id)).toEqual(['meeting.recorded', 'meeting.recorded'])
  })

  it('cannot change the records of a locked stage', async () => {
    const db = await getDb()
    const { supervisor, enrolment } = await programmeWithTrainee(db)
    const session = await supervisionSession(db, enrolment)
    const reflection = await submittedReflection(db, enrolment)
    await db.updateTable('enrolment_stages').set({ status: 'accredited', locked: 1 }).where('enrolment_id', '=', enrolment.id).where('stage_number', '=', 1).execute()
    const cookie = await signInCookie(supervisor.email)
    const attempts: Record<string, string>[] = [
      { intent: 'confirm-sessions', sessionIds: String(session.id) },
      { intent: 'return-session', sessionId: String(session.id), comment: 'x' },
      { intent: 'feedback', reflectionId: String(reflection.id), feedback: 'x' },
      { intent: 'introduction', heldOn: '2026-02-01', notes: '' },
      { intent: 'end-meeting', heldOn: '2026-02-01', outcome: 'passed', notes: '', actions: '' },
    ]
    for (const fields of attempts) {
      const response = await post(enrolment.id, cookie, fields)
      expect((await response.json()).formError, fields.intent).toMatch(/accredited|read-only|locked|no introduction/)
    }
    expect((await db.selectFrom('supervision_sessions').select('status').executeTakeFirstOrThrow()).status).toBe('pending')
    expect(await db.selectFrom('stage_meetings').select('id').execute()).toEqual([])
    expect(await auditActions(db, enrolment.id)).toEqual([])
  })
})

describe('caseload and to-do queue', () => {
  it('lists each trainee with readiness and last activity, and what is waiting, the longest waiting first', async () => {
    const db = await getDb()
    const { supervisor, enrolment } = await programmeWithTrainee(db)
    await stageEvidence(db, enrolment)
    await supervisionSession(db, enrolment)
    const response = await run(caseloadLoader, getRequest('/supervisor', await signInCookie(supervisor.email)))
    const body = await response.json()
    expect(body.trainees).toHaveLength(1)
    expect(body.trainees[0]).toMatchObject({ id: enrolment.id, lastActivityOn: '2026-03-10', readiness: { ready: true }, todoCount: 3 })
    expect(body.todos.map((t: { kind: string }) => t.kind).sort()).toEqual(['confirm_session', 'read_reflection', 'record_end_meeting'])
    expect(body.todos.every((t: { overdue: boolean; daysWaiting: number }) => t.overdue === t.daysWaiting > 14)).toBe(true)
    const waits = body.todos.map((t: { daysWaiting: number }) => t.daysWaiting)
    expect(waits).toEqual([...waits].sort((a, b) => b - a))
    expect(body.todos[0].since <= today()).toBe(true)
  })

  it('shows the trainee page only for one’s own trainee', async () => {
    const db = await getDb()
    const { mine, other } = await twoProgrammes(db)
    const cookie = await signInCookie(mine.supervisor.email)
    expect((await run(loader, getRequest(`/supervisor/trainees/${mine.enrolment.id}`, cookie), { enrolmentId: String(mine.enrolment.id) })).status).toBe(200)
    expect((await run(loader, getRequest(`/supervisor/trainees/${other.enrolment.id}`, cookie), { enrolmentId: String(other.enrolment.id) })).status).toBe(404)
  })
})
