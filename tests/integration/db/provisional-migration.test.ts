// migration 0018 (ADR 0016): a stage signed off before provisional stages existed gets its next stage
// opened from the day after the sign-off, once; the final stage and finished work are left alone.
import { join } from 'node:path'
import { Migrator, type Generated, type Kysely } from 'kysely'
import { describe, expect, inject, it } from 'vitest'
import { openDatabase } from '~db/connection'
import { migrationProvider } from '~db/migrations'
import type { DB } from '~db/schema'
import { currentPractitionerRuleSet as seed } from '~db/seed/rule-sets'
import { createEnrolment } from '../../factories'

/**
 * The 2026 practitioner rule set as the schema stood at migration 0017: only the columns that existed
 * then (today's seed writes later columns too, from migrations 0101 and 0102).
 */
async function ruleSetAsOf0017(db: Kysely<DB>) {
  const pathway = await db.insertInto('pathways').values({ key: 'practitioner', name: 'VIG practitioner' }).returning('id').executeTakeFirstOrThrow()
  const t = seed.thresholds
  const { id } = await db
    .insertInto('rule_sets')
    .values({
      pathway_id: pathway.id,
      key: seed.key,
      name: seed.name,
      version: seed.version,
      status: 'active',
      effective_from: seed.effectiveFrom,
      award_title: seed.awardTitle,
      recording_retention_days: seed.recordingRetentionDays,
      supervision_gap_weeks: t.supervisionGapWeeks,
      cycle_gap_weeks: t.cycleGapWeeks,
      overrun_red_months: t.overrunRedMonths,
      behind_pace_ratio: t.behindPaceRatio,
      waiting_days: t.waitingDays,
      erasure_warning_days: t.erasureWarningDays,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const s of seed.stages) {
    await db
      .insertInto('rule_set_stages')
      .values({
        rule_set_id: id,
        stage_number: s.stageNumber,
        name: s.name,
        end_meeting: s.endMeeting,
        requires_external_accreditation: s.requiresExternalAccreditation ? 1 : 0,
        expected_months: s.expectedMonths,
      })
      .execute()
  }
}

describe('migration 0018: provisional next stages', () => {
  it('opens Stage 2 on the day after a waiting Stage 1 sign-off, and nothing after a waiting final stage', async () => {
    const db = openDatabase(join(inject('testDirectory'), `migration-${process.env.VITEST_POOL_ID ?? '0'}-${Date.now()}.sqlite`))
    try {
      const migrator = new Migrator({ db, provider: migrationProvider })
      expect((await migrator.migrateTo('2026-11-29-0017-throttles')).error).toBeUndefined()
      await ruleSetAsOf0017(db)
      // Users as they were before roles became a set (migration 0111): one role column.
      const user = async (role: string, n: number) =>
        (
          await (db as unknown as Kysely<{ users: { id: Generated<number>; email: string; name: string; role: string } }>)
            .insertInto('users')
            .values({ email: `${role}${n}@test.attune.test`, name: `${role} ${n}`, role })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id as number
      const supervisor = { id: await user('supervisor', 1) }
      const people = async (n: number) => ({ supervisorId: supervisor.id, traineeId: await user('trainee', n), accreditorId: await user('accreditor', n) })
      const waiting = await createEnrolment(db, { ...(await people(1)), stage: 1 })
      const final = await createEnrolment(db, { ...(await people(2)), stage: 3 })
      for (const [enrolment, stage] of [
        [waiting, 1],
        [final, 3],
      ] as const) {
        await db.updateTable('enrolment_stages').set({ status: 'signed_off', locked: 1 }).where('enrolment_id', '=', enrolment.id).where('stage_number', '=', stage).execute()
        await db
          .insertInto('sign_offs')
          .values({ enrolment_id: enrolment.id, stage_number: stage, signed_off_by: supervisor.id, signed_off_at: '2026-10-31T16:00:00.000Z', readiness_json: '{}' })
          .execute()
      }
      expect((await migrator.migrateToLatest()).error).toBeUndefined()
      const stages = await db
        .selectFrom('enrolment_stages')
        .select(['enrolment_id', 'stage_number', 'status', 'started_on'])
        .where('stage_number', '>=', 1)
        .orderBy('enrolment_id')
        .orderBy('stage_number')
        .execute()
      expect(stages.filter((s) => s.enrolment_id === waiting.id)).toEqual([
        { enrolment_id: waiting.id, stage_number: 1, status: 'signed_off', started_on: '2026-01-05' },
        { enrolment_id: waiting.id, stage_number: 2, status: 'in_progress', started_on: '2026-11-01' },
      ])
      expect(stages.filter((s) => s.enrolment_id === final.id).map((s) => s.stage_number)).toEqual([1, 2, 3])
    } finally {
      await db.destroy()
    }
  })
})
