import { describe, expect, it } from 'vitest'
import { seedDemoData } from '~db/seed'
import { DEMO_PASSWORD } from '~db/seed/demo'
import { formRequest, getRequest, run, signInCookie } from '../../http'
import { action as principlesAction, loader as principlesLoader } from '~/routes/admin.principles'
import { action as thresholdsAction, loader as ruleSetLoader } from '~/routes/admin.rule-sets.$ruleSetId'
import { loadProgress } from '~/models/progress.server'
import { today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'

const fields = {
  intent: 'save-thresholds',
  supervisionGapWeeks: '8',
  cycleGapWeeks: '8',
  overrunRedMonths: '3',
  behindPacePercent: '50',
  waitingDays: '14',
  erasureWarningDays: '14',
  recordingRetentionDays: '60',
  maxSupervisionHoursPerDay: '5',
  maxSharedReviewsPerDay: '4',
}

async function benFlags() {
  const db = await getDb()
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
    ])
    .where('users.email', '=', 'ben.harper@demo.attune.test')
    .execute()
  return { ruleSetId: rows[0].rule_set_id, codes: (await loadProgress(db, rows, today())).get(rows[0].id)!.flags.map((f) => f.code) }
}

describe('administration', () => {
  it('edits a rule set’s risk thresholds, which changes the flags, and audits the change', async () => {
    const db = await getDb()
    await seedDemoData(db, today())
    const admin = await signInCookie('admin@demo.attune.test', DEMO_PASSWORD)
    const before = await benFlags()
    expect(before.codes).toContain('supervision_gap')
    const id = String(before.ruleSetId)

    const page = await (await run(ruleSetLoader, getRequest('/x', admin), { ruleSetId: id })).json()
    expect(page.ruleSet.stages[1]).toMatchObject({ requiredCycles: 9, requiredNewClients: 3, requiredSupervisionMinutes: 450 })

    const refused = await run(thresholdsAction, formRequest('/x', { ...fields, supervisionGapWeeks: 'eight', waitingDays: '0' }, admin), { ruleSetId: id })
    const failure = await refused.json()
    expect(failure.fieldErrors).toMatchObject({ supervisionGapWeeks: expect.stringMatching(/number/), waitingDays: expect.stringMatching(/1 or more/) })
    expect(failure.values.supervisionGapWeeks).toBe('eight')

    const saved = await run(thresholdsAction, formRequest('/x', { ...fields, supervisionGapWeeks: '12' }, admin), { ruleSetId: id })
    expect(saved.status).toBe(302)
    expect((await benFlags()).codes).not.toContain('supervision_gap')
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'rule_set.thresholds_changed').executeTakeFirstOrThrow()
    expect(JSON.parse(audit.before_json!).supervision_gap_weeks).toBe(8)
    expect(JSON.parse(audit.after_json!).supervision_gap_weeks).toBe(12)
  })

  it('edits a principle, refusing a duplicate name', async () => {
    const db = await getDb()
    await seedDemoData(db, today())
    const admin = await signInCookie('admin@demo.attune.test', DEMO_PASSWORD)
    const { principles } = await (await run(principlesLoader, getRequest('/x', admin))).json()
    const [first, second] = principles
    const duplicate = await run(principlesAction, formRequest('/x', { intent: `principle-${second.id}`, principleId: String(second.id), name: first.name, description: '' }, admin))
    expect((await duplicate.json()).fieldErrors.name).toMatch(/already has this name/)
    const saved = await run(
      principlesAction,
      formRequest('/x', { intent: `principle-${second.id}`, principleId: String(second.id), name: 'Encouraging and noticing initiatives', description: 'Waiting.' }, admin),
    )
    expect(saved.status).toBe(302)
    const row = await db.selectFrom('principles').selectAll().where('id', '=', second.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ name: 'Encouraging and noticing initiatives', active: 0 })
  })

  it('is for admins only', async () => {
    await seedDemoData(await getDb(), today())
    for (const who of ['lead', 'supervisor', 'trainee', 'accreditor']) {
      const cookie = await signInCookie(`${who}@demo.attune.test`, DEMO_PASSWORD)
      expect((await run(ruleSetLoader, getRequest('/x', cookie), { ruleSetId: '1' })).status).toBe(403)
      expect((await run(thresholdsAction, formRequest('/x', fields, cookie), { ruleSetId: '1' })).status).toBe(403)
      expect((await run(principlesLoader, getRequest('/x', cookie))).status).toBe(403)
    }
  })
})
