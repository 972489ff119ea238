// An enrolment's evidence, in the shape the domain judges (app/domain/readiness.ts). Loads any
// number of enrolments in a fixed number of queries, so dashboards never query per trainee.
import { implausibleOn, type ImplausibleEvidence } from '~/domain/plausibility'
import { stageReadiness, type StageEvidence } from '~/domain/readiness'
import type { Db } from './db-types'
import { getRuleSets } from './rule-set.server'

export async function loadEvidence(db: Db, enrolmentIds: number[]): Promise<Map<number, StageEvidence>> {
  const ids = [...new Set(enrolmentIds)]
  const evidence = new Map<number, StageEvidence>(
    ids.map((id) => [id, { cycles: [], supervision: [], introductionSessionStages: [], writtenReflectionStages: [], courseCompletedStages: [] }]),
  )
  if (ids.length === 0) return evidence
  const [cycles, sessions, introductions, reflections, stages] = await Promise.all([
    db.selectFrom('cycles').select(['enrolment_id', 'client_id', 'filmed_on', 'reviewed_on', 'stage_number']).where('enrolment_id', 'in', ids).execute(),
    db.selectFrom('supervision_sessions').select(['enrolment_id', 'held_on', 'minutes', 'status', 'stage_number', 'kind']).where('enrolment_id', 'in', ids).execute(),
    db.selectFrom('stage_meetings').select(['enrolment_id', 'stage_number']).where('enrolment_id', 'in', ids).where('kind', '=', 'introduction').execute(),
    db.selectFrom('reflections').select(['enrolment_id', 'stage_number']).where('enrolment_id', 'in', ids).where('kind', '=', 'stage_end').where('status', '=', 'submitted').execute(),
    db.selectFrom('enrolment_stages').select(['enrolment_id', 'stage_number']).where('enrolment_id', 'in', ids).where('status', '!=', 'in_progress').execute(),
  ])
  for (const c of cycles) {
    evidence.get(c.enrolment_id)!.cycles.push({ clientId: c.client_id, filmedOn: c.filmed_on, reviewedOn: c.reviewed_on, stageNumber: c.stage_number })
  }
  for (const s of sessions) {
    evidence.get(s.enrolment_id)!.supervision.push({ heldOn: s.held_on, minutes: s.minutes, status: s.status, stageNumber: s.stage_number, kind: s.kind })
  }
  for (const m of introductions) evidence.get(m.enrolment_id)!.introductionSessionStages.push(m.stage_number)
  for (const r of reflections) evidence.get(r.enrolment_id)!.writtenReflectionStages.push(r.stage_number)
  for (const s of stages) evidence.get(s.enrolment_id)!.courseCompletedStages.push(s.stage_number)
  return evidence
}

export interface EnrolmentRef {
  id: number
  rule_set_id: number
  current_stage: number
}

/** Rule set, evidence and current-stage readiness for many enrolments, in a fixed number of queries. */
export async function loadReadiness(db: Db, enrolments: EnrolmentRef[]) {
  const [ruleSets, evidence] = await Promise.all([
    getRuleSets(
      db,
      enrolments.map((e) => e.rule_set_id),
    ),
    loadEvidence(
      db,
      enrolments.map((e) => e.id),
    ),
  ])
  return new Map(
    enrolments.map((e) => {
      const ruleSet = ruleSets.get(e.rule_set_id)!
      const stageEvidence = evidence.get(e.id)!
      return [e.id, { ruleSet, evidence: stageEvidence, readiness: stageReadiness(ruleSet, e.current_stage, stageEvidence) }] as const
    }),
  )
}

/**
 * Warnings (never refusals) about implausible evidence on the given calendar days of one enrolment:
 * more supervision or shared reviews on a day than its rule set's plausibility limits
 * (app/domain/plausibility.ts). The caller has already reached a record of this enrolment through
 * its access scope; this reads only that enrolment's own evidence. `kind` keeps one kind of warning.
 */
export async function implausibleEvidenceOn(db: Db, enrolmentId: number, dates: (string | null)[], kind?: ImplausibleEvidence['kind']): Promise<ImplausibleEvidence[]> {
  if (dates.every((d) => d === null)) return []
  const enrolment = await db.selectFrom('enrolments').select(['id', 'rule_set_id', 'current_stage']).where('id', '=', enrolmentId).executeTakeFirst()
  if (!enrolment) return []
  const { ruleSet, evidence } = (await loadReadiness(db, [enrolment])).get(enrolment.id)!
  return implausibleOn(ruleSet.thresholds, evidence, dates).filter((w) => !kind || w.kind === kind)
}
