// Rule-set versions (ADR 0017): an admin copies a version into a draft, edits its stage requirements
// and publishes it. A published version is frozen: every change here checks, inside the transaction,
// that the version is still a draft, and refuses otherwise. Only published versions (active or
// retired) can be chosen for an enrolment (listEnrolmentOptions, programme import). Admin-only: the
// routes guard with requireRole(request, 'admin'); rule sets belong to no programme.
import { ruleSetProblems, type RuleSet, type StageRequirements } from '~/domain/rule-set'
import type { CalendarDate } from '~/utils/dates'
import { Refusal } from '~/utils/refusal.server'
import { appendAudit } from './audit.server'
import type { Db } from './db-types'
import { getRuleSets, stageColumns } from './rule-set.server'

export type RuleSetStatus = 'draft' | 'active' | 'retired'

export interface RuleSetVersion {
  ruleSet: RuleSet
  status: RuleSetStatus
  effectiveFrom: CalendarDate
  pathway: { id: number; key: string; name: string }
}

const FROZEN = 'This version is published, so it can no longer change: trainees may be enrolled on it. Create a new version from it instead.'

/** A rule set with its status and pathway, for the admin pages; undefined when there is none (404). */
export async function getRuleSetVersion(db: Db, id: number): Promise<RuleSetVersion | undefined> {
  const row = await db
    .selectFrom('rule_sets')
    .innerJoin('pathways', 'pathways.id', 'rule_sets.pathway_id')
    .select(['rule_sets.status', 'rule_sets.effective_from', 'pathways.id as pathway_id', 'pathways.key as pathway_key', 'pathways.name as pathway_name'])
    .where('rule_sets.id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined
  const ruleSet = (await getRuleSets(db, [id])).get(id)!
  return { ruleSet, status: row.status, effectiveFrom: row.effective_from, pathway: { id: row.pathway_id, key: row.pathway_key, name: row.pathway_name } }
}

/** Every pathway with its versions (drafts too), newest version first: the admin's list. */
export async function listPathwayVersions(db: Db) {
  const [pathways, versions] = await Promise.all([
    db.selectFrom('pathways').select(['id', 'key', 'name', 'description']).orderBy('id').execute(),
    db.selectFrom('rule_sets').select(['id', 'pathway_id', 'key', 'name', 'version', 'status']).orderBy('version', 'desc').execute(),
  ])
  return pathways.map((p) => ({ ...p, versions: versions.filter((v) => v.pathway_id === p.id) }))
}

/** The draft row, read inside the writing transaction; a Refusal when it is published; undefined when there is none. */
async function draftFor(trx: Db, ruleSetId: number) {
  const row = await trx.selectFrom('rule_sets').select(['id', 'status', 'name', 'award_title']).where('id', '=', ruleSetId).executeTakeFirst()
  if (!row) return undefined
  if (row.status !== 'draft') throw new Refusal(FROZEN)
  return row
}

/**
 * A new draft version of `fromId`'s pathway, copying its name (marked as a draft), award, fees,
 * thresholds and every stage. Its version number is the pathway's highest plus one and its key
 * `<pathway key>-v<version>`. Returns the new id; undefined when `fromId` does not exist.
 */
export async function createDraftVersion(trx: Db, actorId: number, fromId: number, today: CalendarDate): Promise<number | undefined> {
  const from = await trx.selectFrom('rule_sets').selectAll().where('id', '=', fromId).executeTakeFirst()
  if (!from) return undefined
  const pathway = await trx.selectFrom('pathways').select('key').where('id', '=', from.pathway_id).executeTakeFirstOrThrow()
  const latest = await trx
    .selectFrom('rule_sets')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('pathway_id', '=', from.pathway_id)
    .executeTakeFirstOrThrow()
  const version = Number(latest.version ?? 0) + 1
  const { id: _id, created_at: _created, ...copied } = from
  const { id } = await trx
    .insertInto('rule_sets')
    .values({
      ...copied,
      key: `${pathway.key}-v${version}`,
      name: `${from.name.replace(/ \(draft\)$/, '')} (draft)`.slice(0, 120),
      version,
      status: 'draft',
      effective_from: today,
      source: `Copied from ${from.key} (version ${from.version})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const stages = (await getRuleSets(trx, [fromId])).get(fromId)!.stages
  if (stages.length > 0)
    await trx
      .insertInto('rule_set_stages')
      .values(stages.map((s) => stageColumns(id, s)))
      .execute()
  await appendAudit(trx, {
    actorId,
    action: 'rule_set.version_created',
    entityType: 'rule_set',
    entityId: id,
    before: { key: from.key },
    after: { key: `${pathway.key}-v${version}`, version },
  })
  return id
}

/** Renames a draft and its award. Undefined when there is none; a Refusal once published. */
export async function saveDraftDetails(trx: Db, actorId: number, ruleSetId: number, input: { name: string; awardTitle: string }): Promise<true | undefined> {
  const before = await draftFor(trx, ruleSetId)
  if (!before) return undefined
  const after = { name: input.name, award_title: input.awardTitle }
  await trx.updateTable('rule_sets').set(after).where('id', '=', ruleSetId).execute()
  await appendAudit(trx, { actorId, action: 'rule_set.draft_changed', entityType: 'rule_set', entityId: ruleSetId, before: { name: before.name, award_title: before.award_title }, after })
  return true
}

/**
 * Saves one stage of a draft (its number identifies it). The requirements were checked by the form
 * (DraftStageSchema, which uses stageRequirementProblems). Undefined when the draft or stage does
 * not exist; a Refusal once published.
 */
export async function saveDraftStage(trx: Db, actorId: number, ruleSetId: number, stage: StageRequirements): Promise<true | undefined> {
  if (!(await draftFor(trx, ruleSetId))) return undefined
  const before = await trx.selectFrom('rule_set_stages').selectAll().where('rule_set_id', '=', ruleSetId).where('stage_number', '=', stage.stageNumber).executeTakeFirst()
  if (!before) return undefined
  const { rule_set_id: _r, stage_number: _s, ...after } = stageColumns(ruleSetId, stage)
  await trx.updateTable('rule_set_stages').set(after).where('id', '=', before.id).execute()
  await appendAudit(trx, { actorId, action: 'rule_set.draft_changed', entityType: 'rule_set', entityId: ruleSetId, before, after: { stage_number: stage.stageNumber, ...after } })
  return true
}

/**
 * Publishes a draft: it becomes active (choosable for enrolment) from `today` and is frozen from
 * then on. Other versions stay as they are: a local variant is published beside the national one.
 * A Refusal when a stage breaks a rule of stageRequirementProblems (naming the stage) or when it is
 * already published; undefined when there is none.
 */
export async function publishVersion(trx: Db, actorId: number, ruleSetId: number, today: CalendarDate): Promise<true | undefined> {
  if (!(await draftFor(trx, ruleSetId))) return undefined
  const ruleSet = (await getRuleSets(trx, [ruleSetId])).get(ruleSetId)!
  if (ruleSet.stages.length === 0) throw new Refusal('A version needs at least one stage before it can be published')
  const [problem] = ruleSetProblems(ruleSet)
  if (problem) {
    const stage = ruleSet.stages.find((s) => s.stageNumber === problem.stageNumber)!
    throw new Refusal(`${stage.name}: ${problem.message}. Correct it before publishing`)
  }
  await trx.updateTable('rule_sets').set({ status: 'active', effective_from: today }).where('id', '=', ruleSetId).execute()
  await appendAudit(trx, {
    actorId,
    action: 'rule_set.published',
    entityType: 'rule_set',
    entityId: ruleSetId,
    before: { status: 'draft' },
    after: { status: 'active', effective_from: today },
  })
  return true
}

/** A pathway key from its name: 'VIG supervisor' → 'vig-supervisor'. */
function pathwayKey(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'pathway'
  )
}

/**
 * A new pathway (the supervisor pathway: trainee supervisor → accredited supervisor, with numbers
 * set locally) and its first version as a draft: an introductory course (stage 0), then `stageCount`
 * stages, each asking only a written reflection until the admin sets its numbers, ending with a
 * transition meeting and, for the last, the accreditation meeting; every stage externally
 * accredited. Thresholds and limits are copied from the newest active version of any pathway.
 * Returns the draft's id; a Refusal beside `name` when a pathway has that name.
 */
export async function createPathway(trx: Db, actorId: number, input: { name: string; description: string; awardTitle: string; stageCount: number }, today: CalendarDate): Promise<number> {
  const key = pathwayKey(input.name)
  const clash = await trx
    .selectFrom('pathways')
    .select('id')
    .where((eb) => eb.or([eb('key', '=', key), eb('name', '=', input.name)]))
    .executeTakeFirst()
  if (clash) throw new Refusal('There is already a pathway with this name', 'name')
  const { id: pathwayId } = await trx.insertInto('pathways').values({ key, name: input.name, description: input.description }).returning('id').executeTakeFirstOrThrow()
  const template = await trx.selectFrom('rule_sets').selectAll().where('status', '=', 'active').orderBy('version', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow()
  const { id: _id, created_at: _created, ...settings } = template
  const { id } = await trx
    .insertInto('rule_sets')
    .values({
      ...settings,
      pathway_id: pathwayId,
      key: `${key}-v1`,
      name: input.name,
      version: 1,
      status: 'draft',
      effective_from: today,
      source: 'Numbers set locally',
      award_title: input.awardTitle,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const stages: StageRequirements[] = Array.from({ length: input.stageCount + 1 }, (_, n) => ({
    stageNumber: n,
    name: n === 0 ? 'Introductory course' : `Stage ${n}`,
    requiredCycles: 0,
    requiredNewClients: 0,
    requiredSupervisionMinutes: 0,
    requiresIntroductionSession: false,
    endMeeting: n === 0 ? 'course_completion' : n === input.stageCount ? 'accreditation' : 'transition',
    requiresWrittenReflection: n > 0,
    requiresExternalAccreditation: n > 0,
    expectedMonths: n === 0 ? 1 : 6,
    feePence: 0,
    supervisionByTrainingMinutes: 0,
  }))
  await trx
    .insertInto('rule_set_stages')
    .values(stages.map((s) => stageColumns(id, s)))
    .execute()
  await appendAudit(trx, { actorId, action: 'pathway.created', entityType: 'pathway', entityId: pathwayId, after: { key, name: input.name, draftRuleSet: `${key}-v1` } })
  return id
}
