import { describe, expect, it } from 'vitest'
import { seedDemoData } from '~db/seed'
import { loadProgress } from '~/models/progress.server'
import { getDb } from '~/utils/db.server'

const TODAY = '2026-11-24'

async function demoProgress() {
  const db = await getDb()
  await seedDemoData(db, TODAY)
  const rows = await db
    .selectFrom('enrolments')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
    .innerJoin('users', 'users.id', 'enrolments.trainee_id')
    .select([
      'enrolments.id',
      'trainee_id',
      'rule_set_id',
      'current_stage',
      'enrolments.started_on',
      'status',
      'completed_on',
      'supervisor_id',
      'external_accreditor_id',
      'programmes.funding_ends_on',
      'users.name',
    ])
    .execute()
  const progress = await loadProgress(db, rows, TODAY)
  return Object.fromEntries(rows.map((r) => [r.name, progress.get(r.id)!]))
}

describe('progress of the demo programme', () => {
  it('flags the stalled trainees with the right reasons, and the waiting ones on the person who must act', async () => {
    const p = await demoProgress()
    const codes = (name: string) => p[name].flags.map((f) => `${f.severity}:${f.code}:${f.actor}`)

    // Ben: stalled in the earlier model's 9-month Stage 1 for 13 months, nine weeks without supervision or a cycle.
    expect(codes('Ben Harper')).toEqual(expect.arrayContaining(['red:stage_overrun:lead', 'amber:supervision_gap:trainee', 'amber:cycle_gap:trainee', 'red:recordings_overdue:trainee']))
    const gap = p['Ben Harper'].flags.find((f) => f.code === 'supervision_gap')!
    expect(gap.reason).toBe('No confirmed supervision for 9 weeks, since 17 Sep 2026 (a concern from 8 weeks, urgent from 16)')

    // Farah: cannot start Stage 1 for lack of a family who consented.
    expect(codes('Farah Ali')).toEqual(expect.arrayContaining(['amber:no_consenting_client:trainee', 'red:cycle_gap:trainee', 'amber:behind_pace:trainee']))

    // Ella waits on her supervisor; Grace waits on the external accreditor.
    expect(codes('Ella Morris')).toContain('amber:sign_off_waiting:supervisor')
    expect(codes('Grace Lin')).toContain('amber:accreditation_waiting:accreditor')
    expect(p['Grace Lin'].awaitingAccreditation).toBe(true)

    // Dan is on track; Chloe is accredited: nothing to flag.
    expect(codes('Dan Okafor')).toEqual([])
    expect(p['Chloe Evans'].flags).toEqual([])
    expect(p['Chloe Evans'].forecast).toBeNull()
  })

  it('projects dates with their basis, and funding running out first is red for the lead', async () => {
    const p = await demoProgress()
    expect(p['Dan Okafor'].forecast!.basisText).toBe('at your pace over the last 90 days')
    expect(p['Dan Okafor'].forecast!.accreditationOn < '2027-03-24').toBe(true)
    expect(p['Ben Harper'].forecast!.basisText).toBe('from the expected 9 months a stage')
    const funding = p['Amira Khan'].flags.find((f) => f.code === 'funding_ends_first')!
    expect(funding.severity).toBe('red')
    expect(funding.actor).toBe('lead')
    expect(funding.reason).toMatch(/after the programme's funding ends on 24 Mar 2027/)
  })

  it('knows each trainee’s last activity', async () => {
    const p = await demoProgress()
    expect(p['Amira Khan'].lastActivityOn).toBe('2026-11-19')
    expect(p['Ben Harper'].lastActivityOn).toBe('2026-09-17')
  })
})
