// Rule sets from the database into the domain's shape (app/domain/rule-set.ts).
import type { RuleSet } from '../domain/rule-set'
import type { Db } from './db-types'

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

export async function listRuleSets(db: Db) {
  return db
    .selectFrom('rule_sets')
    .select(['id', 'name', 'version', 'status'])
    .where('status', '!=', 'draft')
    .orderBy('status')
    .orderBy('version', 'desc')
    .execute()
}
