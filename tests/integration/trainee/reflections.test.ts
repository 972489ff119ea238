import { describe, expect, it } from 'vitest'
import { createReflectionRow, createSessionRow } from '../../factories'
import { formRequest, getRequest, run } from '../../http'
import { enrolledTrainee, refusal, requirementOnHome } from './context'
import { action as newReflection, loader as newReflectionLoader } from '~/routes/trainee.reflections.new'
import { action as reflectionAction, loader as reflectionLoader } from '~/routes/trainee.reflections.$reflectionId'

async function withSession() {
  const context = await enrolledTrainee()
  const session = await createSessionRow(context.db, { enrolmentId: context.enrolment.id, supervisorId: context.supervisorId, status: 'confirmed' })
  const principles = await context.db.selectFrom('principles').select(['id', 'name']).where('active', '=', 1).orderBy('position').execute()
  const allRatings = Object.fromEntries(principles.map((p, i) => [`rating_${p.id}`, String((i % 5) + 1)]))
  return { ...context, session, principles, allRatings }
}

describe('a reflection after a supervision session', () => {
  it('saves an incomplete draft, so nothing typed is lost', async () => {
    const { db, session, principles, cookie } = await withSession()
    const path = `/trainee/reflections/new?session=${session.id}`
    const page = await (await run(newReflectionLoader, getRequest(path, cookie))).json()
    expect(page.principles.map((p: { name: string }) => p.name)).toEqual(principles.map((p) => p.name))
    const response = await run(newReflection, formRequest(path, { decision: 'draft', body: 'Half a thought about waiting', [`rating_${principles[0].id}`]: '4' }, cookie))
    expect(response.status).toBe(302)
    const row = await db.selectFrom('reflections').selectAll().executeTakeFirstOrThrow()
    expect(response.headers.get('Location')).toBe(`/trainee/reflections/${row.id}`)
    expect(row).toMatchObject({ kind: 'session', status: 'draft', submitted_at: null, supervision_session_id: session.id, stage_number: 1, body: 'Half a thought about waiting' })
    expect(await db.selectFrom('reflection_ratings').select(['principle_id', 'rating']).execute()).toEqual([{ principle_id: principles[0].id, rating: 4 }])
  })

  it('needs every rating and the text to submit, naming each missing principle and keeping the values', async () => {
    const { db, session, principles, cookie } = await withSession()
    const fields = { decision: 'submit', body: '', [`rating_${principles[0].id}`]: '3' }
    const body = await refusal(await run(newReflection, formRequest(`/trainee/reflections/new?session=${session.id}`, fields, cookie)))
    expect(body.fieldErrors.body).toBe('Write your reflection before submitting it')
    expect(body.fieldErrors[`rating_${principles[1].id}`]).toBe('Choose a rating for encouraging initiatives')
    expect(Object.keys(body.fieldErrors)).toHaveLength(principles.length)
    expect(body.values).toEqual(fields)
    expect(await db.selectFrom('reflections').select('id').execute()).toHaveLength(0)
  })

  it('submits a draft, which then is read-only for the trainee', async () => {
    const { db, enrolment, session, allRatings, cookie } = await withSession()
    const draft = await createReflectionRow(db, { enrolmentId: enrolment.id, sessionId: session.id })
    const params = { reflectionId: String(draft.id) }
    const path = `/trainee/reflections/${draft.id}`
    const submitted = await run(reflectionAction, formRequest(path, { intent: 'update', decision: 'submit', body: 'I waited, and she found it herself.', ...allRatings }, cookie), params)
    expect(submitted.headers.get('Location')).toBe('/trainee')
    const row = await db.selectFrom('reflections').selectAll().executeTakeFirstOrThrow()
    expect(row.status).toBe('submitted')
    expect(row.submitted_at).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(await db.selectFrom('reflection_ratings').select('rating').execute()).toHaveLength(6)
    const again = await refusal(await run(reflectionAction, formRequest(path, { intent: 'update', decision: 'draft', body: 'changed' }, cookie), params))
    expect(again.formError).toBe('You have submitted this reflection to your supervisor, so it is read-only')
    const remove = await refusal(await run(reflectionAction, formRequest(path, { intent: 'delete' }, cookie), params))
    expect(remove.deleteError).toMatch(/read-only/)
    expect((await db.selectFrom('audit_log').select('action').execute()).map((a) => a.action)).toEqual(['reflection.submitted'])
  })

  it('shows the supervisor’s feedback', async () => {
    const { db, enrolment, session, supervisorId, cookie } = await withSession()
    const row = await createReflectionRow(db, { enrolmentId: enrolment.id, sessionId: session.id, status: 'submitted' })
    await db.updateTable('reflections').set({ feedback: 'Good noticing.', feedback_by: supervisorId, feedback_at: '2026-02-16T09:00:00.000Z' }).execute()
    const page = await (await run(reflectionLoader, getRequest(`/trainee/reflections/${row.id}`, cookie), { reflectionId: String(row.id) })).json()
    expect(page.reflection).toMatchObject({ feedback: 'Good noticing.', feedback_at: '2026-02-16T09:00:00.000Z', feedback_by_name: expect.any(String) })
  })

  it('sends a second reflection on the same session to the first', async () => {
    const { db, enrolment, session, cookie } = await withSession()
    const row = await createReflectionRow(db, { enrolmentId: enrolment.id, sessionId: session.id })
    const response = await run(newReflectionLoader, getRequest(`/trainee/reflections/new?session=${session.id}`, cookie))
    expect(response.headers.get('Location')).toBe(`/trainee/reflections/${row.id}`)
  })
})

describe('the stage-end written reflection', () => {
  it('counts for Stage 3 readiness only once submitted', async () => {
    const { db, cookie } = await enrolledTrainee({ stage: 3 })
    const path = '/trainee/reflections/new?stage-end'
    expect((await (await run(newReflectionLoader, getRequest(path, cookie))).json()).title).toBe('Written reflection for Stage 3')
    await run(newReflection, formRequest(path, { decision: 'draft', body: 'Looking back over Stage 3' }, cookie))
    const row = await db.selectFrom('reflections').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({ kind: 'stage_end', stage_number: 3, status: 'draft' })
    expect(await requirementOnHome(cookie, 'written_reflection')).toMatchObject({ met: false })
    await run(reflectionAction, formRequest(`/trainee/reflections/${row.id}`, { intent: 'update', decision: 'submit', body: 'Looking back over Stage 3, I now wait.' }, cookie), {
      reflectionId: String(row.id),
    })
    expect(await requirementOnHome(cookie, 'written_reflection')).toMatchObject({ met: true })
  })

  it('is not a Stage 1 requirement on the current model (AVIGuk: only before the accreditation meeting)', async () => {
    const { cookie } = await enrolledTrainee()
    expect(await requirementOnHome(cookie, 'written_reflection')).toBeUndefined()
  })
})
