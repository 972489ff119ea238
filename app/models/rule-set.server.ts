// Rule sets from the database into the domain's shape (app/domain/rule-set.ts).
import type { RuleSet, StageRequirements } from '~/domain/rule-set'
import { Refusal } from '~/utils/refusal.server'
import { appendAudit } from './audit.server'
import type { Db } from './db-types'

/** A stage's requirements as a row of rule_set_stages (seeding, copying and editing a version). */
export function stageColumns(ruleSetId: number, s: StageRequirements) {
  return {
    rule_set_id: ruleSetId,
    stage_number: s.stageNumber,
    name: s.name,
    required_cycles: s.requiredCycles,
    required_new_clients: s.requiredNewClients,
    required_supervision_minutes: s.requiredSupervisionMinutes,
    requires_introduction_session: s.requiresIntroductionSession ? (1 as const) : (0 as const),
    end_meeting: s.endMeeting,
    requires_written_reflection: s.requiresWrittenReflection ? (1 as const) : (0 as const),
    requires_external_accreditation: s.requiresExternalAccreditation ? (1 as const) : (0 as const),
    expected_months: s.expectedMonths,
    fee_pence: s.feePence,
    supervision_by_training_minutes: s.supervisionByTrainingMinutes,
  }
}

/** Loads several rule sets in two queries. */
export async function getRuleSets(db: Db, ids: number[]): Promise<Map<number, RuleSet>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const [rows, stages] = await Promise.all([
    db.selectFrom('rule_sets').selectAll().where('id', 'in', unique).execute(),
    db.selectFrom('rule_set_stages').selectAll().where('rule_set_id', 'in', unique).orderBy('stage_number').execute(),
  ])
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        key: r.key,
        name: r.name,
        version: r.version,
        awardTitle: r.award_title,
        registrationFeePence: r.registration_fee_pence,
        recordingRetentionDays: r.recording_retention_days,
        thresholds: {
          supervisionGapWeeks: r.supervision_gap_weeks,
          cycleGapWeeks: r.cycle_gap_weeks,
          overrunRedMonths: r.overrun_red_months,
          behindPaceRatio: r.behind_pace_ratio,
          waitingDays: r.waiting_days,
          erasureWarningDays: r.erasure_warning_days,
          maxSupervisionMinutesPerDay: r.max_supervision_minutes_per_day,
          maxSharedReviewsPerDay: r.max_shared_reviews_per_day,
        },
        stages: stages
          .filter((s) => s.rule_set_id === r.id)
          .map((s) => ({
            stageNumber: s.stage_number,
            name: s.name,
            requiredCycles: s.required_cycles,
            requiredNewClients: s.required_new_clients,
            requiredSupervisionMinutes: s.required_supervision_minutes,
            requiresIntroductionSession: s.requires_introduction_session === 1,
            endMeeting: s.end_meeting,
            requiresWrittenReflection: s.requires_written_reflection === 1,
            requiresExternalAccreditation: s.requires_external_accreditation === 1,
            expectedMonths: s.expected_months,
            feePence: s.fee_pence,
            supervisionByTrainingMinutes: s.supervision_by_training_minutes,
          })),
      } satisfies RuleSet,
    ]),
  )
}

export async function getRuleSet(db: Db, id: number): Promise<RuleSet> {
  const ruleSet = (await getRuleSets(db, [id])).get(id)
  if (!ruleSet) throw new Error(`No rule set ${id}`)
  return ruleSet
}

/** Rule sets in use (active, then retired), newest version first, with the key an import names them by. */
export async function listRuleSets(db: Db) {
  return db.selectFrom('rule_sets').select(['id', 'key', 'name', 'version', 'status']).where('status', '!=', 'draft').orderBy('status').orderBy('version', 'desc').execute()
}

export interface ThresholdSettings {
  supervisionGapWeeks: number
  cycleGapWeeks: number
  overrunRedMonths: number
  behindPacePercent: number
  waitingDays: number
  erasureWarningDays: number
  recordingRetentionDays: number
  /** Whole hours of supervision on one day above which the trainee and supervisor are warned. */
  maxSupervisionHoursPerDay: number
  maxSharedReviewsPerDay: number
}

/**
 * Risk thresholds and recording retention are settings: changing them changes which flags show,
 * never anyone's evidence or requirements, so they are edited in place (and audited). Stage
 * requirements change only through a new rule-set version (docs/decisions/0003).
 * Undefined when there is no such rule set (404).
 */
export async function updateThresholds(trx: Db, actorId: number, ruleSetId: number, settings: ThresholdSettings): Promise<true | undefined> {
  const before = await trx.selectFrom('rule_sets').selectAll().where('id', '=', ruleSetId).executeTakeFirst()
  if (!before) return undefined
  const after = {
    supervision_gap_weeks: settings.supervisionGapWeeks,
    cycle_gap_weeks: settings.cycleGapWeeks,
    overrun_red_months: settings.overrunRedMonths,
    behind_pace_ratio: settings.behindPacePercent / 100,
    waiting_days: settings.waitingDays,
    erasure_warning_days: settings.erasureWarningDays,
    recording_retention_days: settings.recordingRetentionDays,
    max_supervision_minutes_per_day: settings.maxSupervisionHoursPerDay * 60,
    max_shared_reviews_per_day: settings.maxSharedReviewsPerDay,
  }
  await trx.updateTable('rule_sets').set(after).where('id', '=', ruleSetId).execute()
  const { created_at: _c, ...beforeValues } = before
  await appendAudit(trx, { actorId, action: 'rule_set.thresholds_changed', entityType: 'rule_set', entityId: ruleSetId, before: beforeValues, after })
  return true
}

export async function listPrinciples(db: Db, { activeOnly }: { activeOnly: boolean }) {
  let query = db.selectFrom('principles').select(['id', 'position', 'name', 'description', 'active']).orderBy('position')
  if (activeOnly) query = query.where('active', '=', 1)
  return query.execute()
}

/** Saves a principle's wording. Undefined when there is no such principle (404); a Refusal beside `name` when another has that name. */
export async function updatePrinciple(trx: Db, actorId: number, input: { principleId: number; name: string; description: string; active: boolean }): Promise<true | undefined> {
  const before = await trx.selectFrom('principles').selectAll().where('id', '=', input.principleId).executeTakeFirst()
  if (!before) return undefined
  const clash = await trx.selectFrom('principles').select('id').where('name', '=', input.name).where('id', '!=', input.principleId).executeTakeFirst()
  if (clash) throw new Refusal('Another principle already has this name', 'name')
  const after = { name: input.name, description: input.description, active: input.active ? (1 as const) : (0 as const) }
  await trx.updateTable('principles').set(after).where('id', '=', input.principleId).execute()
  await appendAudit(trx, { actorId, action: 'principle.changed', entityType: 'principle', entityId: input.principleId, before, after })
  return true
}
