import { describe, expect, it } from 'vitest'
import { seedDemoData, seedReferenceData } from '../../../db/seed'
import { getDb } from '~/utils/db.server'

describe('seeding', () => {
  it('seeds both practitioner rule sets with the pathway numbers', async () => {
    const db = await getDb()
    const stages = await db
      .selectFrom('rule_set_stages')
      .innerJoin('rule_sets', 'rule_sets.id', 'rule_set_stages.rule_set_id')
      .select(['rule_sets.key', 'stage_number', 'required_cycles', 'required_new_clients', 'required_supervision_minutes'])
      .orderBy('rule_sets.key')
      .orderBy('stage_number')
      .execute()
    const current = stages.filter((s) => s.key === 'aviguk-practitioner-2024').map((s) => [s.required_cycles, s.required_new_clients, s.required_supervision_minutes])
    expect(current).toEqual([
      [0, 0, 0],
      [6, 2, 420],
      [9, 3, 480],
      [12, 3, 480],
    ])
    const earlier = stages.filter((s) => s.key === 'aviguk-practitioner-2015')
    expect(earlier.reduce((n, s) => n + s.required_cycles, 0)).toBe(18)
    expect(earlier.reduce((n, s) => n + s.required_new_clients, 0)).toBe(6)
    expect(earlier.reduce((n, s) => n + s.required_supervision_minutes, 0)).toBe(15 * 60)
    const principles = await db.selectFrom('principles').select('name').orderBy('position').execute()
    expect(principles.map((p) => p.name).slice(0, 3)).toEqual(['Being attentive', 'Encouraging initiatives', 'Receiving initiatives'])
    expect(principles).toHaveLength(6)
  })

  it('is idempotent: reference data twice adds nothing, demo data only into an empty database', async () => {
    const db = await getDb()
    await seedReferenceData(db)
    expect(await db.selectFrom('rule_sets').select('id').execute()).toHaveLength(2)
    expect(await seedDemoData(db, '2026-11-24')).toBe(true)
    const users = await db.selectFrom('users').select(['email', 'role']).execute()
    expect(await seedDemoData(db, '2026-11-24')).toBe(false)
    expect(await db.selectFrom('users').select('id').execute()).toHaveLength(users.length)
    for (const [email, role] of [
      ['lead@demo.attune.test', 'lead'],
      ['supervisor@demo.attune.test', 'supervisor'],
      ['accreditor@demo.attune.test', 'accreditor'],
      ['trainee@demo.attune.test', 'trainee'],
      ['admin@demo.attune.test', 'admin'],
    ]) {
      expect(users).toContainEqual({ email, role })
    }
    expect(users.filter((u) => u.role === 'trainee')).toHaveLength(7)
    expect(users.filter((u) => u.role === 'supervisor')).toHaveLength(2)
  })

  it('dates the demo programme relative to today', async () => {
    const db = await getDb()
    await seedDemoData(db, '2026-11-24')
    const programme = await db.selectFrom('programmes').selectAll().executeTakeFirstOrThrow()
    expect(programme.started_on).toBe('2025-09-24')
    expect(programme.funding_ends_on).toBe('2027-03-24')
    const accredited = await db.selectFrom('enrolments').select('status').where('status', '=', 'accredited').execute()
    expect(accredited).toHaveLength(1)
  })
})
