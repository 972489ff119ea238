import { describe, expect, it } from 'vitest'
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

    // 69 h over Nov–Mar (5 months) = 13 h 48 min a month, within the 14 h (8 h + 6 h) of capacity.
    expect(r.demand.months.map((m) => [m.month, m.byEndMinutes, m.capacityMinutes, m.overCapacity])).toEqual(
      ['2026-11-01', '2026-12-01', '2027-01-01', '2027-02-01', '2027-03-01'].map((month) => [month, 828, 840, false]),
    )

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
    expect(r.recommendations).toHaveLength(1)
    expect(r.recommendations[0]).toMatch(/^5 trainees cannot finish before 24 Mar 2027 at their current pace: Amira Khan \(projected 31 Jul 2027\), Ben Harper/)
    expect(r.recommendations[0]).toMatch(/needs 9 more supervision hours a month from Nov 2026 than at their current pace, and 90 cycles between them in 5 months\.$/)
  })

  it('changes the projections with the what-if values, and saves nothing', async () => {
    const { db, id, report } = await demo()
    const lessCapacity = await report('&capacityHours=10')
    expect(lessCapacity.changed).toBe(true)
    expect(lessCapacity.report.demand.monthsOverCapacity).toHaveLength(5)
    // 828 − 600 = 228 min short a month: 4 whole hours; 69 h at 10 h a month takes 7 months, Nov to May.
    expect(lessCapacity.report.recommendations[1]).toBe(
      "Finishing everyone by 24 Mar 2027 needs 13 h 48 min of supervision a month against the supervisors' capacity of 10 h a month: 4 hours a month short in each of the 5 months from Nov 2026 to Mar 2027. Either add 4 hours a month of supervisor time, or plan for 7 months of supervision at the present capacity, to May 2027.",
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
      'Supervision needed against capacity',
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
    expect(whatIf.replace(/\s+/g, ' ')).toContain('4 hours a month short')
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
      ...['2026-11-01', '2026-12-01'].map((m) => expect.stringMatching(new RegExp(`^${m},13.8,5.95,14,no$`))),
      expect.anything(),
      expect.anything(),
      expect.anything(),
    ])
    const quarters = await (await open(reportCsv, '&table=quarters')).text()
    expect(quarters).toContain('2027-04-01,Apr–Jun 2027,1,Grace Lin,yes')
    expect((await open(reportCsv, '&table=secrets')).status).toBe(404)
  })
})
