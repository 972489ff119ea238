// Seeding. Reference data (pathways, rule sets, principles) is inserted where missing, by key, so
// it is safe to run on every start. The demo programme is seeded only into a database with no users.
import type { Kysely } from 'kysely'
import type { DB } from '~db/schema'
import { stageColumns } from '~/models/rule-set.server'
import { seedDemoProgramme } from './demo'
import { outcomeMeasureSeeds } from './outcome-measures'
import { pathwaySeeds, principleSeeds, ruleSetSeeds } from './rule-sets'

export async function seedReferenceData(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const pathway of pathwaySeeds) {
      await trx
        .insertInto('pathways')
        .values(pathway)
        .onConflict((oc) => oc.column('key').doNothing())
        .execute()
    }
    for (const seed of ruleSetSeeds) {
      const exists = await trx.selectFrom('rule_sets').select('id').where('key', '=', seed.key).executeTakeFirst()
      if (exists) continue
      const pathway = await trx.selectFrom('pathways').select('id').where('key', '=', seed.pathwayKey).executeTakeFirstOrThrow()
      const { id: ruleSetId } = await trx
        .insertInto('rule_sets')
        .values({
          pathway_id: pathway.id,
          key: seed.key,
          name: seed.name,
          version: seed.version,
          status: seed.status,
          effective_from: seed.effectiveFrom,
          source: seed.source,
          award_title: seed.awardTitle,
          registration_fee_pence: seed.registrationFeePence,
          recording_retention_days: seed.recordingRetentionDays,
          supervision_gap_weeks: seed.thresholds.supervisionGapWeeks,
          cycle_gap_weeks: seed.thresholds.cycleGapWeeks,
          overrun_red_months: seed.thresholds.overrunRedMonths,
          behind_pace_ratio: seed.thresholds.behindPaceRatio,
          waiting_days: seed.thresholds.waitingDays,
          erasure_warning_days: seed.thresholds.erasureWarningDays,
          max_supervision_minutes_per_day: seed.thresholds.maxSupervisionMinutesPerDay,
          max_shared_reviews_per_day: seed.thresholds.maxSharedReviewsPerDay,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await trx
        .insertInto('rule_set_stages')
        .values(seed.stages.map((s) => stageColumns(ruleSetId, s)))
        .execute()
      for (const corrected of seed.corrects ?? []) await moveToCorrectedVersion(trx, corrected, ruleSetId, seed.key)
    }
    const principleCount = await trx
      .selectFrom('principles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    if (Number(principleCount.n) === 0) {
      await trx
        .insertInto('principles')
        .values(principleSeeds.map((p, i) => ({ ...p, position: i + 1 })))
        .execute()
    }
    const measureCount = await trx
      .selectFrom('outcome_measures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    if (Number(measureCount.n) === 0) {
      await trx
        .insertInto('outcome_measures')
        .values(
          outcomeMeasureSeeds.map((m) => ({
            name: m.name,
            construct: m.construct,
            min_score: m.minScore,
            max_score: m.maxScore,
            higher_is_better: m.higherIsBetter ? 1 : 0,
            has_follow_up: m.hasFollowUp ? 1 : 0,
          })),
        )
        .execute()
    }
  })
}

/**
 * ADR 0016: a seeded version that corrects an earlier one retires it for new enrolments and moves the
 * enrolments still in training (active or paused) onto the correction, one audit row each with the
 * reason. Finished and withdrawn enrolments, sign-offs (with their readiness snapshot) and
 * accreditations are left as they were: history is never rewritten.
 */
async function moveToCorrectedVersion(trx: Kysely<DB>, corrected: { key: string; reason: string }, ruleSetId: number, key: string) {
  const earlier = await trx.selectFrom('rule_sets').select(['id', 'status']).where('key', '=', corrected.key).executeTakeFirst()
  if (!earlier) return
  await trx.updateTable('rule_sets').set({ status: 'retired' }).where('id', '=', earlier.id).execute()
  const moving = await trx.selectFrom('enrolments').select('id').where('rule_set_id', '=', earlier.id).where('status', 'in', ['active', 'paused']).execute()
  for (const enrolment of moving) {
    await trx.updateTable('enrolments').set({ rule_set_id: ruleSetId }).where('id', '=', enrolment.id).execute()
    await trx
      .insertInto('audit_log')
      .values({
        actor_id: null,
        action: 'enrolment.rule_set_changed',
        entity_type: 'enrolment',
        entity_id: enrolment.id,
        enrolment_id: enrolment.id,
        before_json: JSON.stringify({ ruleSet: corrected.key }),
        after_json: JSON.stringify({ ruleSet: key }),
        reason: corrected.reason,
      })
      .execute()
  }
}

/** Seeds the demo programme when the database has no users. Returns whether it seeded. */
export async function seedDemoData(db: Kysely<DB>, today: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const anyUser = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst()
    if (anyUser) return false
    await seedDemoProgramme(trx, today)
    return true
  })
}
