import { describe, expect, it } from 'vitest'
import { seedDemoData, seedReferenceData } from '~db/seed'
import { getDb } from '~/utils/db.server'
import { createEnrolment, ruleSetIdByKey } from '../../factories'

describe('seeding', () => {
  it('seeds the practitioner rule sets with the pathway numbers', async () => {
    const db = await getDb()
    const stages = await db
      .selectFrom('rule_set_stages')
      .innerJoin('rule_sets', 'rule_sets.id', 'rule_set_stages.rule_set_id')
      .select(['rule_sets.key', 'stage_number', 'required_cycles', 'required_new_clients', 'required_supervision_minutes', 'end_meeting', 'requires_written_reflection'])
      .orderBy('rule_sets.key')
      .orderBy('stage_number')
      .execute()
    const current = stages
      .filter((s) => s.key === 'aviguk-practitioner-2026')
      .map((s) => [s.required_cycles, s.required_new_clients, s.required_supervision_minutes, s.end_meeting, s.requires_written_reflection])
    // AVIGuk's table: Stages 1 and 2 end with a transition meeting, Stage 3 with the accreditation
    // meeting, and only Stage 3 asks for the written reflection.
    expect(current).toEqual([
      [0, 0, 0, 'course_completion', 0],
      [6, 2, 420, 'transition', 0],
      [9, 3, 480, 'transition', 0],
      [12, 3, 480, 'accreditation', 1],
    ])
    // The first seed of the current model is kept as it was, retired (ADR 0016).
    const first = stages.filter((s) => s.key === 'aviguk-practitioner-2024').map((s) => s.requires_written_reflection)
    expect(first).toEqual([0, 1, 1, 1])
    const statuses = await db.selectFrom('rule_sets').select(['key', 'status']).orderBy('key').execute()
    expect(statuses).toEqual([
      { key: 'aviguk-practitioner-2015', status: 'retired' },
      { key: 'aviguk-practitioner-2024', status: 'retired' },
      { key: 'aviguk-practitioner-2026', status: 'active' },
      { key: 'verp-2026', status: 'active' },
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
    expect(await db.selectFrom('rule_sets').select('id').execute()).toHaveLength(4)
    expect(await seedDemoData(db, '2026-11-24')).toBe(true)
    const users = await db.selectFrom('users').innerJoin('user_roles', 'user_roles.user_id', 'users.id').select(['users.email', 'user_roles.role']).execute()
    expect(await seedDemoData(db, '2026-11-24')).toBe(false)
    expect(await db.selectFrom('users').innerJoin('user_roles', 'user_roles.user_id', 'users.id').select('users.id').execute()).toHaveLength(users.length)
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
    // One demo login holds two roles: Mark Reid supervises and also accredits (ADR 0018).
    expect(
      users
        .filter((u) => u.email === 'supervisor2@demo.attune.test')
        .map((u) => u.role)
        .sort(),
    ).toEqual(['accreditor', 'supervisor'])
  })

  it('moves enrolments in training on the 2024 seed to its correction, audited; finished ones keep their version (ADR 0016)', async () => {
    const db = await getDb()
    // A database seeded before the correction: only the 2024 version, in use.
    const corrected = await ruleSetIdByKey(db, 'aviguk-practitioner-2026')
    await db.deleteFrom('rule_set_stages').where('rule_set_id', '=', corrected).execute()
    await db.deleteFrom('rule_sets').where('id', '=', corrected).execute()
    await db.updateTable('rule_sets').set({ status: 'active' }).where('key', '=', 'aviguk-practitioner-2024').execute()
    const first = await ruleSetIdByKey(db, 'aviguk-practitioner-2024')
    const inTraining = await createEnrolment(db, { ruleSetKey: 'aviguk-practitioner-2024', stage: 1, stageStartedOn: '2026-03-02' })
    const finished = await createEnrolment(db, { ruleSetKey: 'aviguk-practitioner-2024', stage: 3, stageStartedOn: '2025-03-02' })
    await db.updateTable('enrolments').set({ status: 'accredited', completed_on: '2026-09-01' }).where('id', '=', finished.id).execute()

    await seedReferenceData(db)
    await seedReferenceData(db)

    const now = await ruleSetIdByKey(db, 'aviguk-practitioner-2026')
    const rows = await db.selectFrom('enrolments').select(['id', 'rule_set_id']).orderBy('id').execute()
    expect(rows).toEqual([
      { id: inTraining.id, rule_set_id: now },
      { id: finished.id, rule_set_id: first },
    ])
    expect((await db.selectFrom('rule_sets').select('status').where('id', '=', first).executeTakeFirstOrThrow()).status).toBe('retired')
    const audit = await db.selectFrom('audit_log').select(['enrolment_id', 'action', 'before_json', 'after_json', 'reason']).where('action', '=', 'enrolment.rule_set_changed').execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ enrolment_id: inTraining.id, before_json: '{"ruleSet":"aviguk-practitioner-2024"}', after_json: '{"ruleSet":"aviguk-practitioner-2026"}' })
    expect(audit[0].reason).toMatch(/written reflection only before the Stage 3 accreditation meeting/)
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
