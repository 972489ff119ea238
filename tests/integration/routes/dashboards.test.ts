import type { KyselyPlugin } from 'kysely'
import { describe, expect, it } from 'vitest'
import { seedDemoData } from '~db/seed'
import { DEMO_PASSWORD } from '~db/seed/demo'
import { createClientRow, createCycleRow, createEnrolment, createProgramme, createSessionRow, createUser } from '../../factories'
import { getRequest, run, signInCookie } from '../../http'
import { listProgrammeEnrolments } from '~/models/programme.server'
import { loader as leadDashboard } from '~/routes/lead.programmes.$programmeId._index'
import { loader as supervisorHome } from '~/routes/supervisor._index'
import { today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'

async function demo() {
  const db = await getDb()
  await seedDemoData(db, today())
  const programme = await db.selectFrom('programmes').select('id').executeTakeFirstOrThrow()
  return { db, programmeId: String(programme.id), cookie: (who: string) => signInCookie(`${who}@demo.attune.test`, DEMO_PASSWORD) }
}

const names = (rows: { name?: string; trainee_name?: string }[]) => rows.map((r) => r.trainee_name ?? r.name)

describe('the programme lead’s dashboard', () => {
  it('puts the trainees most at risk first, with headline counts, the pipeline and projected accreditations', async () => {
    const { programmeId, cookie } = await demo()
    const data = await (await run(leadDashboard, getRequest(`/lead/programmes/${programmeId}`, await cookie('lead')), { programmeId })).json()
    expect(data.headline).toMatchObject({ enrolled: 7, accredited: 1 })
    expect(data.headline.red + data.headline.amber).toBe(5) // everyone in training but Dan
    expect(data.shown[0].flags).toMatchObject({ red: expect.any(Number), firstReason: expect.any(String) })
    expect(data.shown[0].flags.red).toBeGreaterThan(0)
    // A row sends what it prints: amounts, not the readiness sentences.
    expect(Object.keys(data.shown[0].readiness).sort()).toEqual(['ready', 'requirements', 'stageName'])
    expect(data.shown.at(-1).trainee_name).toMatch(/Chloe Evans|Dan Okafor/)
    expect(data.pipeline).toContainEqual({ label: 'Accredited', count: 1 })
    expect(data.pipeline).toContainEqual({ label: 'Stage 1 (to mid-point)', count: 1 })
    const afterFunding = data.months.filter((m: { afterFunding: boolean }) => m.afterFunding).reduce((n: number, m: { count: number }) => n + m.count, 0)
    expect(afterFunding).toBe(data.headline.afterFunding)
  })

  it('filters by stage, severity and supervisor and sorts, from the query string', async () => {
    const { db, programmeId, cookie } = await demo()
    const lead = await cookie('lead')
    const load = async (query: string) => (await (await run(leadDashboard, getRequest(`/lead/programmes/${programmeId}?${query}`, lead), { programmeId })).json()).shown
    expect(names(await load('stage=1&sort=name'))).toEqual(['Ben Harper', 'Ella Morris', 'Farah Ali'])
    expect(names(await load('severity=none&sort=name'))).toEqual(['Chloe Evans', 'Dan Okafor'])
    const mark = await db.selectFrom('users').select('id').where('email', '=', 'supervisor2@demo.attune.test').executeTakeFirstOrThrow()
    expect(names(await load(`supervisorId=${mark.id}&sort=name`))).toEqual(['Chloe Evans', 'Dan Okafor', 'Grace Lin'])
    expect(names(await load('sort=last_activity'))[0]).toBe('Ben Harper')
    // An unreadable query falls back to no filter rather than failing.
    expect(await load('stage=abc&severity=purple&sort=sideways')).toHaveLength(7)
  })

  it('pages its table on the server, 25 rows at a time, keeping filters and sort, while the headline counts everyone', async () => {
    const db = await getDb()
    const lead = await createUser(db, 'lead')
    const supervisor = await createUser(db, 'supervisor')
    const programme = await createProgramme(db, { leadId: lead.id })
    for (let i = 0; i < 30; i++) await createEnrolment(db, { programmeId: programme.id, supervisorId: supervisor.id, stage: 1 + (i % 2) })
    const cookie = await signInCookie(lead.email)
    const load = async (query: string) => (await run(leadDashboard, getRequest(`/lead/programmes/${programme.id}?${query}`, cookie), { programmeId: String(programme.id) })).json()
    const first = await load('sort=name')
    const second = await load('sort=name&page=2')
    expect(first.headline.enrolled).toBe(30)
    expect(second.headline.enrolled).toBe(30)
    expect(first.table).toEqual({ page: 1, pageCount: 2, total: 30, from: 1, to: 25 })
    expect(second.table).toEqual({ page: 2, pageCount: 2, total: 30, from: 26, to: 30 })
    const all = [...names(first.shown), ...names(second.shown)]
    expect(all).toHaveLength(30)
    expect(new Set(all).size).toBe(30)
    expect(all).toEqual([...all].sort((a, b) => a!.localeCompare(b!, 'en-GB')))
    // Filtered to stage 2: 15 trainees, one page; a page beyond the last shows the last.
    const stageTwo = await load('stage=2&sort=name&page=9')
    expect(stageTwo.table).toEqual({ page: 1, pageCount: 1, total: 15, from: 1, to: 15 })
    expect(stageTwo.shown).toHaveLength(15)
    expect(stageTwo.headline.enrolled).toBe(30)
  })

  it('is for the programme’s own lead only', async () => {
    const { db, programmeId, cookie } = await demo()
    const otherLead = await createUser(db, 'lead')
    expect((await run(leadDashboard, getRequest('/x', await signInCookie(otherLead.email)), { programmeId })).status).toBe(404)
    expect((await run(leadDashboard, getRequest('/x', await cookie('supervisor')), { programmeId })).status).toBe(403)
  })

  it('issues the same number of queries for 3 trainees as for 30', async () => {
    const db = await getDb()
    const lead = await createUser(db, 'lead')
    const supervisor = await createUser(db, 'supervisor')
    const accreditor = await createUser(db, 'accreditor')
    const count = async (trainees: number) => {
      const programme = await createProgramme(db, { leadId: lead.id })
      for (let i = 0; i < trainees; i++) {
        const enrolment = await createEnrolment(db, { programmeId: programme.id, supervisorId: supervisor.id, accreditorId: accreditor.id, stage: 1 + (i % 3) })
        const client = await createClientRow(db, enrolment.trainee_id)
        await createCycleRow(db, { enrolmentId: enrolment.id, clientId: client.id, stageNumber: 1 + (i % 3) })
        await createSessionRow(db, { enrolmentId: enrolment.id, supervisorId: supervisor.id })
      }
      let queries = 0
      const counter: KyselyPlugin = {
        transformQuery: (args) => {
          queries++
          return args.node
        },
        transformResult: async (args) => args.result,
      }
      const rows = await listProgrammeEnrolments(db.withPlugin(counter), { id: lead.id, roles: ['lead'] }, programme.id, today())
      expect(rows).toHaveLength(trainees)
      return queries
    }
    const few = await count(3)
    const many = await count(30)
    expect(many).toBe(few)
    expect(few).toBeLessThanOrEqual(15)
  })
})

describe('the supervisor’s caseload', () => {
  it('lists their own trainees most at risk first, with projected dates and flags', async () => {
    const { cookie } = await demo()
    const data = await (await run(supervisorHome, getRequest('/supervisor', await cookie('supervisor')))).json()
    expect(names(data.trainees).sort()).toEqual(['Amira Khan', 'Ben Harper', 'Ella Morris', 'Farah Ali'])
    expect(data.trainees[0].flags.red).toBeGreaterThan(0)
    expect(data.trainees.every((t: { accreditationOn: string | null }) => t.accreditationOn)).toBe(true)
    expect(data.todos.map((t: { traineeName: string }) => t.traineeName)).toContain('Ella Morris')
  })
})
