import { describe, expect, it, vi } from 'vitest'
import { seedDemoData } from '~db/seed'
import { DEMO_PASSWORD } from '~db/seed/demo'
import { createProgramme, createUser } from '../../factories'
import { getRequest, run, signInCookie } from '../../http'
import { pdfText } from '../../pdf-text'
import { loader as reportPage } from '~/routes/lead.programmes.$programmeId_.report'
import { loader as reportCsv } from '~/routes/lead.programmes.$programmeId_.report.csv'
import { loader as reportPdf } from '~/routes/lead.programmes.$programmeId_.report.pdf'
import { getDb } from '~/utils/db.server'

// The demo programme seeded as of this date: funding ends 4 months later, on 24 Mar 2027.
const TODAY = '2026-11-24'

async function demo() {
  const db = await getDb()
  await seedDemoData(db, TODAY)
  const { id } = await db.selectFrom('programmes').select('id').executeTakeFirstOrThrow()
  const lead = await signInCookie('lead@demo.attune.test', DEMO_PASSWORD)
  const open = async (loader: typeof reportPage, query = '', cookie = lead) =>
    run(loader, getRequest(`/lead/programmes/${id}/report?asOf=${TODAY}${query}`, cookie), { programmeId: String(id) })
  const report = async (query = '') => (await (await open(reportPage, query)).json()) as Awaited<ReturnType<Awaited<ReturnType<typeof reportPage>>['json']>>
  return { db, id, lead, open, report }
}

describe('the sustainability report of the demo programme', () => {
  it('matches the records, checked by hand', async () => {
    const { report } = await demo()
    const { report: r } = await report()
    expect(r.endsOn).toBe('2027-03-24')
    expect(r.headline).toEqual({ enrolled: 7, inTraining: 6, accredited: 1, withdrawn: 0, paused: 0, atRisk: 5, finishingLate: 5 })
    expect(r.pipeline).toEqual([
      { label: 'Stage 1', count: 2 },
      { label: 'Stage 1 (to mid-point)', count: 1 },
      { label: 'Stage 2', count: 2 },
      { label: 'Stage 3', count: 1 },
      { label: 'Accredited', count: 1 },
    ])
    // Remaining work, from the seed: e.g. Amira needs 3 more Stage 2 cycles, 1 new client and 3 h
    // (5 of 8 h confirmed; her pending hour does not count), then Stage 3's 12 cycles, 3 clients, 8 h.
    expect(Object.fromEntries(r.trainees.map((t) => [t.name, [t.stageName, t.remaining.cycles, t.remaining.newClients, t.remaining.supervisionMinutes / 60]]))).toEqual({
      'Amira Khan': ['Stage 2', 15, 4, 11],
      'Ben Harper': ['Stage 1 (to mid-point)', 15, 5, 12],
      'Dan Okafor': ['Stage 3', 2, 0, 1],
      'Ella Morris': ['Stage 1', 21, 6, 16],
      'Farah Ali': ['Stage 1', 27, 8, 21],
      'Grace Lin': ['Stage 2', 12, 3, 8],
    })
    expect(r.trainees.find((t) => t.name === 'Dan Okafor')!.finishesByEnd).toBe(true)
    expect(r.totals).toMatchObject({ cycles: 92, newClients: 26, supervisionMinutes: 69 * 60 })

    // 69 h (4140 min) from 24 Nov to the end of March: November counts for its 7 days left of 30, then
    // four whole months, 127/30 months in all: 4140 × 30/127 = 978 min (16 h 18 min) a full month,
    // over the 14 h (8 h + 6 h) of capacity; November 4140 × 7/127 = 228 against 840 × 7/30 = 196.
    expect(r.demand.months.map((m) => [m.month, m.share, Math.round(m.byEndMinutes), Math.round(m.capacityMinutes), m.overCapacity])).toEqual([
      ['2026-11-01', 7 / 30, 228, 196, true],
      ...['2026-12-01', '2027-01-01', '2027-02-01', '2027-03-01'].map((month) => [month, 1, 978, 840, true]),
    ])
    // Per supervisor, the pool's story in two: Sarah Thompson (8 h) has Amira 11 h, Ben 12 h, Ella 16 h
    // and Farah 21 h left, 60 h: 3600 × 30/127 = 850 min (14 h 10 min) a month; Mark Reid (6 h) has
    // Dan 1 h and Grace 8 h, 9 h: 128 min (2 h 8 min) a month.
    expect(
      r.demand.supervisors.map((l) => [l.name, l.trainees.map((t) => t.name), Math.round(l.neededMinutesPerMonth), l.capacityMinutesPerMonth, Math.round(l.shortMinutesPerMonth)]),
    ).toEqual([
      ['Mark Reid', ['Dan Okafor', 'Grace Lin'], 128, 360, 0],
      ['Sarah Thompson', ['Amira Khan', 'Ben Harper', 'Ella Morris', 'Farah Ali'], 850, 480, 370],
    ])
    expect(r.demand.supervisors[1].months.map((m) => m.overCapacity)).toEqual([true, true, true, true, true])

    // Fees incurred: every enrolment's started stages (ITC £425, Stage 1 £640, Stage 2 £800, Stage 3
    // £880) and 7 registrations of £60 = £13,715 of £24,000; Grace's Stage 3 has started while Stage 2
    // waits for accreditation (ADR 0016). Still to pay: Amira's Stage 3 (£880), Ben the earlier
    // model's Stage 2 (£800), Ella and Farah Stages 2 and 3 (£1,680 each).
    expect(r.budget).toEqual({ budgetPence: 2_400_000, incurredPence: 1_371_500, remainingPence: 1_028_500, costToCompletePence: 504_000, balancePence: 524_500 })

    expect(r.quarters.map((q) => [q.label, q.names])).toEqual([
      ['Oct–Dec 2026', ['Dan Okafor']],
      ['Jan–Mar 2027', []],
      ['Apr–Jun 2027', ['Grace Lin']],
      ['Jul–Sep 2027', ['Amira Khan']],
      ['Oct–Dec 2027', ['Ella Morris']],
      ['Jan–Mar 2028', ['Ben Harper']],
      ['Apr–Jun 2028', ['Farah Ali']],
    ])
    expect(r.recommendations).toHaveLength(3)
    expect(r.recommendations[0]).toMatch(/^5 trainees cannot finish before 24 Mar 2027 at their current pace: Amira Khan \(projected 31 Jul 2027\), Ben Harper/)
    expect(r.recommendations[0]).toMatch(/needs 11 more supervision hours a month from Nov 2026 than at their current pace, and 90 cycles between them in 5 months\.$/)
    // Mark's 3 h 52 min spare cannot take any of Sarah's trainees (the smallest needs 2 h 36 min, but 6 h 10 min must go).
    expect(r.recommendations[1]).toBe(
      'Add 6 h 10 min a month for Sarah Thompson (14 h 10 min needed, 8 h available a month): their trainees (Amira Khan, Ben Harper, Ella Morris, Farah Ali) cannot all finish by 24 Mar 2027 in the time they have, and no other supervisor has the spare hours to take one of them.',
    )
    expect(r.recommendations[2]).toMatch(/^Finishing everyone by 24 Mar 2027 needs 16 h 18 min of supervision a month against the supervisors’ capacity of 14 h a month/)
  })

  it('reads the programme’s own plan as of today through the progress cache, and it equals the plan computed afresh', async () => {
    const { db, report } = await demo()
    // On the real clock, 24 Nov is not today: computed afresh, nothing cached.
    const fresh = await report()
    expect(await db.selectFrom('enrolment_progress').select('enrolment_id').execute()).toEqual([])
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${TODAY}T12:00:00Z`) })
    try {
      const filling = await report()
      const cached = await db.selectFrom('enrolment_progress').select(['computed_for', 'payload']).orderBy('enrolment_id').execute()
      expect(cached.map((r) => r.computed_for)).toEqual(Array(7).fill(TODAY))
      const fromCache = await report()
      expect(filling.report).toEqual(fresh.report)
      expect(fromCache.report).toEqual(fresh.report)
      // A what-if end date is never cached (its flags differ: nobody finishes late): the rows stay as they were.
      expect((await report('&endsOn=2028-06-30')).report.headline.finishingLate).toBe(0)
      expect(await db.selectFrom('enrolment_progress').select(['computed_for', 'payload']).orderBy('enrolment_id').execute()).toEqual(cached)
    } finally {
      vi.useRealTimers()
    }
  })

  it('changes the projections with the what-if values, and saves nothing', async () => {
    const { db, id, report } = await demo()
    const lessCapacity = await report('&capacityHours=10')
    expect(lessCapacity.changed).toBe(true)
    expect(lessCapacity.report.demand.monthsOverCapacity).toHaveLength(5)
    // 978 − 600 = 378 min short a month: 7 whole hours. At 10 h a month, November gives 600 × 7/30 =
    // 140 min; the other 4000 take 7 more months: 8 months, Nov to Jun.
    expect(lessCapacity.report.recommendations[2]).toBe(
      'Finishing everyone by 24 Mar 2027 needs 16 h 18 min of supervision a month against the supervisors’ capacity of 10 h a month: 7 hours a month short in each of the 5 months from Nov 2026 to Mar 2027. Either add 7 hours a month of supervisor time, or plan for 8 months of supervision at the present capacity, to Jun 2027.',
    )

    const later = await report('&endsOn=2028-06-30')
    expect(later.report.headline.finishingLate).toBe(0)
    expect(later.report.demand.months).toHaveLength(20)
    expect(later.report.recommendations).toEqual([])

    const smallerBudget = await report('&budgetPounds=£15,000')
    // £15,000 − £13,715 = £1,285 left against £5,040.
    expect(smallerBudget.report.budget.balancePence).toBe(-375_500)
    expect(smallerBudget.report.recommendations).toContain('Finishing costs £5,040 in fees (£5,040 stage fees, £0 registration) against £1,285 of budget left: £3,755 short.')

    const programme = await db.selectFrom('programmes').select(['funding_ends_on', 'budget_pence']).where('id', '=', id).executeTakeFirstOrThrow()
    expect(programme).toEqual({ funding_ends_on: '2027-03-24', budget_pence: 2_400_000 })
  })

  it('names what-if values it cannot use beside their fields, keeps them, and keeps the programme’s own numbers', async () => {
    const { report } = await demo()
    const answer = await report('&endsOn=2027-02-30&capacityHours=lots&budgetPounds=24000')
    expect(answer.failure?.fieldErrors).toEqual({
      endsOn: 'Enter the end date as a real date, for example 24/11/2026',
      capacityHours: 'Enter the supervision capacity in hours a month, like 14 or 7.5',
    })
    expect(answer.failure?.values).toMatchObject({ endsOn: '2027-02-30', capacityHours: 'lots' })
    expect(answer.report.endsOn).toBe('2027-03-24')
    expect(answer.query).toBe('')
  })

  it('is for the programme’s lead and admins only', async () => {
    const { db, open } = await demo()
    const otherLead = await createUser(db, 'lead')
    await createProgramme(db, { leadId: otherLead.id })
    expect((await open(reportPage, '', await signInCookie(otherLead.email))).status).toBe(404)
    expect((await open(reportPdf, '', await signInCookie(otherLead.email))).status).toBe(404)
    expect((await open(reportPage, '', await signInCookie('trainee@demo.attune.test', DEMO_PASSWORD))).status).toBe(403)
    expect((await open(reportCsv, '', await signInCookie('supervisor@demo.attune.test', DEMO_PASSWORD))).status).toBe(403)
    expect((await open(reportPage, '', await signInCookie('admin@demo.attune.test', DEMO_PASSWORD))).status).toBe(200)
    expect((await run(reportPage, getRequest('/lead/programmes/x/report', await signInCookie('lead@demo.attune.test', DEMO_PASSWORD)), { programmeId: 'x' })).status).toBe(404)
  })

  it('prints a PDF a commissioner can read, with the same what-if', async () => {
    const { open } = await demo()
    const own = await open(reportPdf)
    expect(own.headers.get('Content-Type')).toBe('application/pdf')
    const text = pdfText(new Uint8Array(await own.arrayBuffer()))
    for (const expected of [
      'Northfield VIG Early Years Programme',
      'as of 24 Nov 2026, with the funding ending on 24 Mar 2027',
      'What it will take',
      '5 trainees cannot finish before 24 Mar 2027',
      'Every trainee still in training',
      'Farah Ali',
      'Why trainees are flagged',
      'Supervision needed against capacity',
      'Enough time?',
      'Add 6 h 10 min a month for Sarah Thompson (14 h 10 min needed, 8 h available a month)',
      'Funding ends 24 Mar 2027',
      'Projected accreditations by quarter',
      'Cost to complete',
      '£5,040',
      '£10,285',
      'How the numbers are worked out',
    ]) {
      expect(text.replace(/\s+/g, ' ')).toContain(expected)
    }
    expect(text).toMatch(/Page 1 of [3-9]/)
    expect(text).not.toContain('WHAT-IF')
    const whatIf = pdfText(new Uint8Array(await (await open(reportPdf, '&capacityHours=10')).arrayBuffer()))
    expect(whatIf).toContain('WHAT-IF FIGURES')
    expect(whatIf.replace(/\s+/g, ' ')).toContain('7 hours a month short')
  }, 30_000)

  it('gives each table as CSV', async () => {
    const { open } = await demo()
    const trainees = await (await open(reportCsv)).text()
    const lines = trainees.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe(
      'trainee,status,stage,cycles_left,new_clients_left,supervision_hours_left,projected_accreditation,finishes_by_end_date,flags,stage_fees_gbp,registration_gbp,cost_to_complete_gbp',
    )
    expect(lines).toHaveLength(8)
    expect(lines.find((l) => l.startsWith('Dan Okafor'))).toMatch(/^Dan Okafor,active,Stage 3,2,0,1,2026-12-17,yes,,0\.00,0\.00,0\.00$/)
    expect(lines[7]).toBe('Total,,,92,26,69,,,,5040.00,0.00,5040.00')
    const months = (await (await open(reportCsv, '&table=months')).text()).replace(/^\uFEFF/, '').split('\r\n')
    expect(months).toEqual([
      'month_start,needed_by_end_date_hours,at_current_pace_hours,capacity_hours,over_capacity',
      expect.stringMatching(/^2026-11-01,3\.8,[\d.]+,3\.27,yes$/),
      expect.stringMatching(/^2026-12-01,16\.3,[\d.]+,14,yes$/),
      expect.anything(),
      expect.anything(),
      expect.anything(),
    ])
    const supervisors = (await (await open(reportCsv, '&table=supervisors')).text()).replace(/^\uFEFF/, '').split('\r\n')
    expect(supervisors[0]).toBe('supervisor,month_start,trainees,needed_by_end_date_hours,at_current_pace_hours,capacity_hours,over_capacity')
    expect(supervisors).toHaveLength(11)
    expect(supervisors).toContainEqual(expect.stringMatching(/^Sarah Thompson,2026-12-01,Amira Khan; Ben Harper; Ella Morris; Farah Ali,14\.17,[\d.]+,8,yes$/))
    expect(supervisors).toContainEqual(expect.stringMatching(/^Mark Reid,2026-11-01,Dan Okafor; Grace Lin,0\.5,[\d.]+,1\.4,no$/))
    const quarters = await (await open(reportCsv, '&table=quarters')).text()
    expect(quarters).toContain('2027-04-01,Apr–Jun 2027,1,Grace Lin,yes')
    expect((await open(reportCsv, '&table=secrets')).status).toBe(404)
  })
})
