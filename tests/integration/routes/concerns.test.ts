import { describe, expect, it } from 'vitest'
import { seedDemoData } from '~db/seed'
import { DEMO_PASSWORD } from '~db/seed/demo'
import { formRequest, getRequest, run, signInCookie } from '../../http'
import { action, loader } from '~/routes/enrolments.$enrolmentId.flags'
import { getDb } from '~/utils/db.server'

async function ben() {
  const db = await getDb()
  await seedDemoData(db, new Date().toISOString().slice(0, 10))
  const enrolment = await db
    .selectFrom('enrolments')
    .innerJoin('users', 'users.id', 'enrolments.trainee_id')
    .select('enrolments.id')
    .where('users.email', '=', 'ben.harper@demo.attune.test')
    .executeTakeFirstOrThrow()
  return { db, id: String(enrolment.id), cookie: (who: string) => signInCookie(`${who}@demo.attune.test`, DEMO_PASSWORD) }
}

describe('flags and concerns page', () => {
  it('shows a stalled trainee’s flags with reasons, and lets the lead record a concern with a plan', async () => {
    const { db, id, cookie } = await ben()
    const lead = await cookie('lead')
    const page = await (await run(loader, getRequest(`/enrolments/${id}/flags`, lead), { enrolmentId: id })).json()
    expect(page.flags.map((f: { code: string }) => f.code)).toContain('supervision_gap')

    const missingNote = await run(action, formRequest('/x', { intent: 'raise', flagCode: 'supervision_gap', note: '', actionPlan: 'Weekly', reviewOn: '2026-13-01' }, lead), {
      enrolmentId: id,
    })
    const failure = await missingNote.json()
    expect(failure.intent).toBe('raise')
    expect(failure.values.flagCode).toBe('supervision_gap')
    expect(failure.fieldErrors).toMatchObject({ note: expect.stringMatching(/Enter what you know/), reviewOn: expect.stringMatching(/real date/) })
    expect(failure.values.actionPlan).toBe('Weekly')

    const saved = await run(
      action,
      formRequest(
        '/x',
        { intent: 'raise', flagCode: 'supervision_gap', note: 'Covering sickness in his team', actionPlan: 'Protected half-day a week from January', reviewOn: '2027-01-15' },
        lead,
      ),
      { enrolmentId: id },
    )
    expect(saved.status).toBe(302)
    const after = await (await run(loader, getRequest('/x', lead), { enrolmentId: id })).json()
    expect(after.concerns).toHaveLength(1)
    expect(after.concerns[0]).toMatchObject({ note: 'Covering sickness in his team', state: 'open', raised_by_name: 'Priya Patel' })
    expect(await db.selectFrom('audit_log').select('action').where('action', '=', 'concern.raised').execute()).toHaveLength(1)

    const closed = await run(action, formRequest('/x', { intent: 'close', concernId: String(after.concerns[0].id) }, lead), { enrolmentId: id })
    expect(closed.status).toBe(302)
    const final = await (await run(loader, getRequest('/x', lead), { enrolmentId: id })).json()
    expect(final.concerns[0].state).toBe('closed')
  })

  it('lets the trainee see their flags but not record concerns; strangers get 404', async () => {
    const { id, cookie } = await ben()
    const own = await cookie('ben.harper')
    expect((await run(loader, getRequest('/x', own), { enrolmentId: id })).status).toBe(200)
    expect((await run(action, formRequest('/x', { intent: 'raise', flagCode: 'cycle_gap', note: 'x' }, own), { enrolmentId: id })).status).toBe(403)
    for (const who of ['trainee', 'supervisor2']) {
      expect((await run(loader, getRequest('/x', await cookie(who)), { enrolmentId: id })).status).toBe(404)
    }
    const otherSupervisor = await run(action, formRequest('/x', { intent: 'raise', flagCode: 'cycle_gap', note: 'x' }, await cookie('supervisor2')), { enrolmentId: id })
    expect(otherSupervisor.status).toBe(404)
    expect((await run(action, formRequest('/x', { intent: 'raise', flagCode: 'cycle_gap', note: 'Looking for families' }, await cookie('supervisor')), { enrolmentId: id })).status).toBe(302)
  })
})
