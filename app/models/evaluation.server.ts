// Programme evaluation (issue 16): outcome measures, clients' anonymised scores, acceptability
// feedback and the programme's aggregates. Who reaches what is one scope of the access module, familyScoresScope: a
// trainee their own clients' scores, a supervisor their trainees'; a lead never a family's score,
// only the programme's aggregates (loadEvaluationData, reached through findLedProgramme).
import type { Respondent, TimePoint } from '~db/schema'
import { evaluationConsentProblem } from '~/domain/consent'
import { scoreRangeProblem, type FamilyScores, type MeasureDefinition } from '~/domain/evaluation'
import type { EvaluationRange, FeedbackInput, MeasureInput, ScoreInput } from '~/schemas/evaluation'
import { formatDate, nowInstant, today } from '~/utils/dates'
import { isUniqueViolation, Refusal } from '~/utils/refusal.server'
import { hashToken, newToken } from '~/utils/tokens.server'
import { appendAudit } from './audit.server'
import { consentOf } from './client.server'
import type { Db } from './db-types'
import { familyScoresScope, type Viewer } from './access.server'

/** How long a one-time feedback link works, in days. */
export const FEEDBACK_LINK_DAYS = 28

// ---- Measures ------------------------------------------------------------------------------

/** Every outcome measure, in use first, by name. */
export async function listMeasures(db: Db, { activeOnly }: { activeOnly: boolean }) {
  let query = db.selectFrom('outcome_measures').selectAll().orderBy('active', 'desc').orderBy('name')
  if (activeOnly) query = query.where('active', '=', 1)
  return query.execute()
}

function definitionOf(row: { id: number; name: string; construct: string; min_score: number; max_score: number; higher_is_better: number }): MeasureDefinition {
  return { id: row.id, name: row.name, construct: row.construct, minScore: row.min_score, maxScore: row.max_score, higherIsBetter: row.higher_is_better === 1 }
}

/** Adds a measure (admin or lead). Throws Refusal on a name already used. */
export async function createMeasure(trx: Db, actorId: number, input: MeasureInput): Promise<number> {
  try {
    const { id } = await trx
      .insertInto('outcome_measures')
      .values({
        name: input.name,
        construct: input.construct,
        min_score: input.min_score,
        max_score: input.max_score,
        higher_is_better: input.direction === 'higher' ? 1 : 0,
        has_follow_up: input.has_follow_up ? 1 : 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await appendAudit(trx, { actorId, action: 'outcome_measure.created', entityType: 'outcome_measure', entityId: id, after: input })
    return id
  } catch (error) {
    if (isUniqueViolation(error, 'outcome_measures')) throw new Refusal('There is already a measure with this name', 'name')
    throw error
  }
}

/** Puts a measure in or out of use; past scores stay. Returns false when there is no such measure. */
export async function setMeasureActive(trx: Db, actorId: number, id: number, active: boolean): Promise<boolean> {
  const result = await trx
    .updateTable('outcome_measures')
    .set({ active: active ? 1 : 0 })
    .where('id', '=', id)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) return false
  await appendAudit(trx, { actorId, action: active ? 'outcome_measure.activated' : 'outcome_measure.retired', entityType: 'outcome_measure', entityId: id })
  return true
}

// ---- Scores --------------------------------------------------------------------------------

/** One client's scores, if `viewer` may see them: rows with the measure's name and range. */
export async function listClientScores(db: Db, viewer: Viewer, clientId: number) {
  return db
    .selectFrom('outcome_scores')
    .innerJoin('clients', 'clients.id', 'outcome_scores.client_id')
    .innerJoin('outcome_measures', 'outcome_measures.id', 'outcome_scores.measure_id')
    .select([
      'outcome_scores.id',
      'outcome_scores.time_point',
      'outcome_scores.score',
      'outcome_scores.scored_on',
      'outcome_measures.name as measure_name',
      'outcome_measures.id as measure_id',
    ])
    .where('outcome_scores.client_id', '=', clientId)
    .where(familyScoresScope(viewer))
    .orderBy('outcome_measures.name')
    .orderBy('outcome_scores.scored_on')
    .execute()
}

/** A trainee's clients' scores, for their supervisor (or themselves): by client code, measure and date. */
export async function listTraineeScores(db: Db, viewer: Viewer, traineeId: number) {
  return db
    .selectFrom('outcome_scores')
    .innerJoin('clients', 'clients.id', 'outcome_scores.client_id')
    .innerJoin('outcome_measures', 'outcome_measures.id', 'outcome_scores.measure_id')
    .select(['outcome_scores.id', 'clients.code', 'outcome_scores.time_point', 'outcome_scores.score', 'outcome_scores.scored_on', 'outcome_measures.name as measure_name'])
    .where('clients.trainee_id', '=', traineeId)
    .where(familyScoresScope(viewer))
    .orderBy('clients.code')
    .orderBy('outcome_measures.name')
    .orderBy('outcome_scores.scored_on')
    .execute()
}

/**
 * Records (or corrects) a client's score at one time point. The trainee must own the client.
 * Throws Refusal, beside the field: no evaluation consent (form), a measure not in use
 * (measure_id), a score outside the range (score), a date before the client's work began, i.e.
 * before consent was given (scored_on), an after or follow-up score with no before score
 * (time_point), or dates out of order (scored_on).
 */
export async function recordScore(trx: Db, owner: { traineeId: number; enrolmentId: number | null; clientId: number; input: ScoreInput }): Promise<void> {
  const { input } = owner
  const client = await trx.selectFrom('clients').selectAll().where('id', '=', owner.clientId).where('trainee_id', '=', owner.traineeId).executeTakeFirst()
  if (!client) throw new Refusal('This client no longer exists')
  const consent = consentOf(client)
  const consentProblem = evaluationConsentProblem(consent, input.scored_on)
  if (consentProblem) throw new Refusal(consentProblem, consent.givenOn && consent.evaluation && !consent.withdrawnOn ? 'scored_on' : undefined)
  const measure = await trx.selectFrom('outcome_measures').selectAll().where('id', '=', input.measure_id).where('active', '=', 1).executeTakeFirst()
  if (!measure) throw new Refusal('Choose one of the measures in use', 'measure_id')
  const rangeProblem = scoreRangeProblem(definitionOf(measure), input.score)
  if (rangeProblem) throw new Refusal(rangeProblem, 'score')
  if (input.time_point === 'follow_up' && !measure.has_follow_up) throw new Refusal(`${measure.name} has no follow-up: choose before or after VIG`, 'time_point')

  const others = await trx.selectFrom('outcome_scores').select(['time_point', 'scored_on']).where('client_id', '=', client.id).where('measure_id', '=', measure.id).execute()
  const on = (point: TimePoint) => others.find((s) => s.time_point === point)?.scored_on ?? null
  const order: TimePoint[] = ['before', 'after', 'follow_up']
  const position = order.indexOf(input.time_point)
  const previous = order[position - 1]
  if (previous && !on(previous)) {
    throw new Refusal(
      previous === 'before'
        ? `Record ${client.code}’s score before VIG on ${measure.name} first: a score after VIG needs one from before to compare with`
        : `Record ${client.code}’s score after VIG on ${measure.name} first: a follow-up comes after it`,
      'time_point',
    )
  }
  const earlier = previous ? on(previous) : null
  if (earlier && input.scored_on < earlier) throw new Refusal(`This score must be dated on or after the earlier one, ${formatDate(earlier)}`, 'scored_on')
  const later = order
    .slice(position + 1)
    .map(on)
    .find((d) => d !== null)
  if (later && input.scored_on > later) throw new Refusal(`This score must be dated on or before the later one, ${formatDate(later)}`, 'scored_on')

  const row = await trx
    .insertInto('outcome_scores')
    .values({ client_id: client.id, measure_id: measure.id, time_point: input.time_point, score: input.score, scored_on: input.scored_on, recorded_by: owner.traineeId })
    .onConflict((oc) => oc.columns(['client_id', 'measure_id', 'time_point']).doUpdateSet({ score: input.score, scored_on: input.scored_on, recorded_by: owner.traineeId }))
    .returning('id')
    .executeTakeFirstOrThrow()
  await appendAudit(trx, {
    actorId: owner.traineeId,
    action: 'outcome_score.recorded',
    entityType: 'outcome_score',
    entityId: row.id,
    enrolmentId: owner.enrolmentId,
    after: { client: client.code, measure: measure.name, ...input },
  })
}

// ---- Programme aggregates (lead) -----------------------------------------------------------

/** A programme the caller has already reached through findLedProgramme. */
interface ReachedProgramme {
  id: number
}

/**
 * Every measure's scores in a programme, family by family, for the aggregate report and the
 * evaluator's export: families (clients) of trainees enrolled on the programme who consented to
 * evaluation and have not withdrawn consent, whose before score lies within `range`. Families are
 * numbered, not coded: a family key is an opaque sequence number per report.
 */
export async function loadEvaluationData(db: Db, programme: ReachedProgramme, range: EvaluationRange) {
  const [measures, rows] = await Promise.all([
    db.selectFrom('outcome_measures').selectAll().orderBy('name').execute(),
    db
      .selectFrom('outcome_scores')
      .innerJoin('clients', 'clients.id', 'outcome_scores.client_id')
      .select(['outcome_scores.client_id', 'outcome_scores.measure_id', 'outcome_scores.time_point', 'outcome_scores.score', 'outcome_scores.scored_on', 'clients.work_ended_on'])
      .where('clients.consent_evaluation', '=', 1)
      .where('clients.consent_withdrawn_on', 'is', null)
      .where('clients.trainee_id', 'in', (eb) => eb.selectFrom('enrolments').select('enrolments.trainee_id').where('enrolments.programme_id', '=', programme.id))
      .orderBy('outcome_scores.client_id')
      .execute(),
  ])
  const byMeasure = new Map<number, Map<number, FamilyScores>>()
  for (const row of rows) {
    const families = byMeasure.get(row.measure_id) ?? new Map<number, FamilyScores>()
    byMeasure.set(row.measure_id, families)
    const family = families.get(row.client_id) ?? { before: null, after: null, followUp: null, left: row.work_ended_on !== null }
    families.set(row.client_id, family)
    const value = { score: row.score, on: row.scored_on }
    if (row.time_point === 'before') family.before = value
    else if (row.time_point === 'after') family.after = value
    else family.followUp = value
  }
  const inRange = (f: FamilyScores) => f.before !== null && f.before.on >= range.from && f.before.on <= range.to
  const familyNumbers = new Map<number, number>()
  return measures
    .map((m) => {
      const families = [...(byMeasure.get(m.id) ?? new Map<number, FamilyScores>()).entries()].filter(([, f]) => inRange(f))
      for (const [clientId] of families) if (!familyNumbers.has(clientId)) familyNumbers.set(clientId, familyNumbers.size + 1)
      return { measure: definitionOf(m), active: m.active === 1, families: families.map(([clientId, scores]) => ({ family: familyNumbers.get(clientId)!, ...scores })) }
    })
    .filter((m) => m.active || m.families.length > 0)
}

export type EvaluationData = Awaited<ReturnType<typeof loadEvaluationData>>

// ---- Acceptability feedback ----------------------------------------------------------------

/** Saves one response. No client, no respondent's name: only the programme and the group. */
export async function recordFeedback(trx: Db, entry: { programmeId: number; respondent: Respondent; input: FeedbackInput; givenOn: string; viaLink: boolean }) {
  await trx
    .insertInto('evaluation_feedback')
    .values({
      programme_id: entry.programmeId,
      respondent: entry.respondent,
      acceptability: entry.input.acceptability,
      feasibility: entry.input.feasibility,
      helped: entry.input.helped,
      got_in_the_way: entry.input.got_in_the_way,
      given_on: entry.givenOn,
      via_link: entry.viaLink ? 1 : 0,
    })
    .execute()
}

/**
 * Makes a one-time anonymous feedback link for `respondent` on a programme and returns the token
 * (shown once; only its SHA-256 hash is kept). It works for FEEDBACK_LINK_DAYS days.
 */
export async function createFeedbackLink(trx: Db, link: { createdBy: number; programmeId: number; respondent: Respondent; now?: Date }): Promise<string> {
  const now = link.now ?? new Date()
  const token = newToken()
  const expires = new Date(now.getTime() + FEEDBACK_LINK_DAYS * 24 * 60 * 60 * 1000)
  await trx
    .insertInto('feedback_links')
    .values({
      programme_id: link.programmeId,
      respondent: link.respondent,
      token_hash: hashToken(token),
      expires_at: nowInstant(expires),
      created_by: link.createdBy,
      created_at: nowInstant(now),
    })
    .execute()
  return token
}

/** Where a one-time feedback link points (public: no account needed). */
export function feedbackPath(token: string): string {
  return `/feedback/${token}`
}

/** The unused, unexpired link for `token`, with its programme's name; undefined otherwise. */
export async function findOpenFeedbackLink(db: Db, token: string, now = new Date()) {
  return db
    .selectFrom('feedback_links')
    .innerJoin('programmes', 'programmes.id', 'feedback_links.programme_id')
    .select(['feedback_links.id', 'feedback_links.programme_id', 'feedback_links.respondent', 'programmes.name as programme_name'])
    .where('feedback_links.token_hash', '=', hashToken(token))
    .where('feedback_links.used_at', 'is', null)
    .where('feedback_links.expires_at', '>', nowInstant(now))
    .executeTakeFirst()
}

/**
 * Saves feedback through a one-time link and spends the link in the same transaction. Throws
 * Refusal when the link was used a moment ago or has expired.
 */
export async function giveFeedbackThroughLink(trx: Db, token: string, input: FeedbackInput, now = new Date()): Promise<void> {
  const link = await findOpenFeedbackLink(trx, token, now)
  const spent = link
    ? await trx
        .updateTable('feedback_links')
        .set({ used_at: nowInstant(now) })
        .where('id', '=', link.id)
        .where('used_at', 'is', null)
        .executeTakeFirst()
    : null
  if (!link || !spent || Number(spent.numUpdatedRows) === 0) throw new Refusal('This link has already been used or has expired. Thank you: no more feedback is needed through it')
  await recordFeedback(trx, { programmeId: link.programme_id, respondent: link.respondent, input, givenOn: today(now), viaLink: true })
}

/** A programme's feedback given within `range`, for the aggregate report (no ids, no dates). */
export async function listProgrammeFeedback(db: Db, programme: ReachedProgramme, range: EvaluationRange) {
  return db
    .selectFrom('evaluation_feedback')
    .select(['respondent', 'acceptability', 'feasibility', 'helped', 'got_in_the_way'])
    .where('programme_id', '=', programme.id)
    .where('given_on', '>=', range.from)
    .where('given_on', '<=', range.to)
    .execute()
}
