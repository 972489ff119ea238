// Enrolments keep the rule-set version they were enrolled on (ADR 0017). A lead (or an admin, running
// the programme as its lead would) may move one still in training to another published version of
// the same pathway, with a reason, after seeing what changes (app/domain/version-change.ts). Reached
// only through programmeEnrolmentScope; every move is audited.
import type { RuleSet } from '~/domain/rule-set'
import { versionChangePreview, versionChangeProblem, type VersionChangePreview } from '~/domain/version-change'
import { Refusal } from '~/utils/refusal.server'
import { programmeEnrolmentScope, type Viewer } from './access.server'
import { appendAudit } from './audit.server'
import type { Db } from './db-types'
import { loadEvidence } from './evidence.server'
import { getRuleSets } from './rule-set.server'

/** The enrolment (if the viewer runs its programme) with its version, pathway and the other published versions it may move to. */
export async function versionMoveOptions(db: Db, viewer: Viewer, enrolmentId: number) {
  const enrolment = await db
    .selectFrom('enrolments')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
    .innerJoin('rule_sets', 'rule_sets.id', 'enrolments.rule_set_id')
    .select(['enrolments.id', 'enrolments.rule_set_id', 'enrolments.current_stage', 'enrolments.status', 'rule_sets.pathway_id', 'rule_sets.name as rule_set_name', 'rule_sets.version'])
    .where('enrolments.id', '=', enrolmentId)
    .where(programmeEnrolmentScope(viewer))
    .executeTakeFirst()
  if (!enrolment) return undefined
  const inTraining = enrolment.status === 'active' || enrolment.status === 'paused'
  const choices = inTraining
    ? await db
        .selectFrom('rule_sets')
        .select(['id', 'name', 'version', 'status'])
        .where('pathway_id', '=', enrolment.pathway_id)
        .where('status', '!=', 'draft')
        .where('id', '!=', enrolment.rule_set_id)
        .orderBy('status')
        .orderBy('version', 'desc')
        .execute()
    : []
  return { enrolment, inTraining, choices }
}

type Loaded = { from: RuleSet & { pathwayId: number }; to: RuleSet & { pathwayId: number }; problem: string | null; preview: VersionChangePreview | null }

/** Both versions, the reason a move cannot be made (or null) and the preview, for an enrolment already reached through its scope. */
async function loadMove(db: Db, enrolment: { id: number; rule_set_id: number; current_stage: number }, toId: number): Promise<Loaded | undefined> {
  const rows = await db.selectFrom('rule_sets').select(['id', 'pathway_id', 'status']).where('id', 'in', [enrolment.rule_set_id, toId]).execute()
  const target = rows.find((r) => r.id === toId)
  if (!target || target.status === 'draft') return undefined
  const [ruleSets, evidence] = await Promise.all([getRuleSets(db, [enrolment.rule_set_id, toId]), loadEvidence(db, [enrolment.id])])
  const from = { ...ruleSets.get(enrolment.rule_set_id)!, pathwayId: rows.find((r) => r.id === enrolment.rule_set_id)!.pathway_id }
  const to = { ...ruleSets.get(toId)!, pathwayId: target.pathway_id }
  const problem = versionChangeProblem(from, to, enrolment.current_stage)
  return { from, to, problem, preview: problem ? null : versionChangePreview(from, to, enrolment.current_stage, evidence.get(enrolment.id)!) }
}

/**
 * What moving the enrolment to version `toId` would change (domain versionChangePreview), with the
 * version's name, or the reason it cannot move. Undefined when the enrolment is not the viewer's to
 * manage, or `toId` is not a published version.
 */
export async function previewVersionMove(db: Db, viewer: Viewer, enrolmentId: number, toId: number) {
  const options = await versionMoveOptions(db, viewer, enrolmentId)
  if (!options?.inTraining) return undefined
  const loaded = await loadMove(db, options.enrolment, toId)
  if (!loaded) return undefined
  return { ruleSetId: toId, name: loaded.to.name, version: loaded.to.version, problem: loaded.problem, preview: loaded.preview }
}

/**
 * Moves an enrolment still in training to another published version of its pathway, recording one
 * audit row ('enrolment.rule_set_changed') with both keys, the current stage's readiness under each
 * and the reason. Undefined when the enrolment is not the viewer's to manage; a Refusal beside
 * `ruleSetId` when the version cannot be chosen (a draft, another pathway, missing the trainee's
 * stage, the same one), or above the form when the enrolment has finished.
 */
export async function moveEnrolmentToVersion(trx: Db, viewer: Viewer, input: { enrolmentId: number; ruleSetId: number; reason: string }): Promise<true | undefined> {
  const options = await versionMoveOptions(trx, viewer, input.enrolmentId)
  if (!options) return undefined
  if (!options.inTraining) throw new Refusal('This trainee has finished or withdrawn, so they keep the version they trained under')
  const loaded = await loadMove(trx, options.enrolment, input.ruleSetId)
  if (!loaded) throw new Refusal('Choose a published version', 'ruleSetId')
  if (loaded.problem) throw new Refusal(loaded.problem, 'ruleSetId')
  const preview = loaded.preview!
  await trx.updateTable('enrolments').set({ rule_set_id: input.ruleSetId }).where('id', '=', input.enrolmentId).execute()
  await appendAudit(trx, {
    actorId: viewer.id,
    action: 'enrolment.rule_set_changed',
    entityType: 'enrolment',
    entityId: input.enrolmentId,
    enrolmentId: input.enrolmentId,
    before: { ruleSet: loaded.from.key, version: loaded.from.version, ready: preview.before.ready, missing: preview.before.missing },
    after: { ruleSet: loaded.to.key, version: loaded.to.version, ready: preview.after.ready, missing: preview.after.missing },
    reason: input.reason,
  })
  return true
}
