// The progress cache (ADR 0022): triggers move an enrolment's stamp on every write its progress is
// computed from, and the cached progress always equals a fresh `loadProgress`.
import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import type { DB } from '~db/schema'
import { PROGRESS_STAMP_SOURCES } from '~db/progress-stamps'
import { createClientRow, createCycleRow, createEnrolment, createProgramme, createReflectionRow, createSessionRow, createUser } from '../../factories'
import { enrolmentsWithCurrentStage } from '~/models/enrolment.server'
import { listProgrammeEnrolments, programmeTraineeTable } from '~/models/programme.server'
import { listProgressSummaries, loadCachedProgress, loadProgress, progressSummary } from '~/models/progress.server'
import { getDb } from '~/utils/db.server'

const TODAY = '2026-11-24'

async function world() {
  const db = await getDb()
  const lead = await createUser(db, 'lead')
  const supervisor = await createUser(db, 'supervisor')
  const programme = await createProgramme(db, { leadId: lead.id })
  const enrolment = await createEnrolment(db, { programmeId: programme.id, supervisorId: supervisor.id, stage: 1 })
  // The same trainee on a second programme: their clients count on both enrolments.
  const other = await createEnrolment(db, { traineeId: enrolment.trainee_id, supervisorId: supervisor.id, stage: 2 })
  const client = await createClientRow(db, enrolment.trainee_id)
  await createCycleRow(db, { enrolmentId: enrolment.id, clientId: client.id })
  await createSessionRow(db, { enrolmentId: enrolment.id, supervisorId: supervisor.id, status: 'confirmed' })
  return { db, lead, supervisor, programme, enrolment, other, client }
}
type World = Awaited<ReturnType<typeof world>>

const rowsOf = (db: Kysely<DB>, ids: number[]) => enrolmentsWithCurrentStage(db).where('enrolments.id', 'in', ids).orderBy('enrolments.id').execute()

/** Cached progress of `ids` equals a fresh computation, field for field. */
async function expectCachedEqualsFresh(db: Kysely<DB>, ids: number[], today = TODAY) {
  const rows = await rowsOf(db, ids)
  const cached = await loadCachedProgress(db, rows, today)
  const fresh = await loadProgress(db, rows, today)
  for (const row of rows) {
    const { ruleSet, evidence, ...expected } = fresh.get(row.id)!
    expect(cached.get(row.id)).toEqual(expected)
  }
  // Read again: now from the cache, still equal; and so are the summary columns.
  expect(await loadCachedProgress(db, await rowsOf(db, ids), today)).toEqual(cached)
  const summaries = await summariesOf(db, ids, today)
  for (const row of rows) expect(summaries.get(row.id)).toMatchObject(progressSummary(fresh.get(row.id)!))
  return cached
}

/** `listProgressSummaries` of the enrolments `ids`, by id. */
const summariesOf = async (db: Kysely<DB>, ids: number[], today: string) => new Map((await listProgressSummaries(db, (eb) => eb('enrolments.id', 'in', ids), today)).map((r) => [r.id, r]))

const stampsOf = async (db: Kysely<DB>, ids: number[]) => (await rowsOf(db, ids)).map((r) => r.progress_stamp)

/** Each write of `writes` moves the stamp of every enrolment in `touches` (the first one by default), and the cache follows. */
async function expectEachWriteMovesTheStamp(w: World, writes: ((w: World) => Promise<unknown>)[], touches: (w: World) => number[] = (x) => [x.enrolment.id]) {
  const ids = touches(w)
  for (const write of writes) {
    await expectCachedEqualsFresh(w.db, ids)
    const before = await stampsOf(w.db, ids)
    await write(w)
    const after = await stampsOf(w.db, ids)
    after.forEach((stamp, i) => expect(stamp).toBeGreaterThan(before[i]))
    await expectCachedEqualsFresh(w.db, ids)
  }
}

const WRITES: Record<string, { writes: ((w: World) => Promise<unknown>)[]; touches?: (w: World) => number[] }> = {
  cycles: {
    writes: [
      (w) => createCycleRow(w.db, { enrolmentId: w.enrolment.id, clientId: w.client.id, filmedOn: '2026-11-01', reviewedOn: null }),
      (w) => w.db.updateTable('cycles').set({ reviewed_on: '2026-11-10', stage_number: 1 }).where('enrolment_id', '=', w.enrolment.id).where('reviewed_on', 'is', null).execute(),
      (w) => w.db.deleteFrom('cycles').where('enrolment_id', '=', w.enrolment.id).where('filmed_on', '=', '2026-11-01').execute(),
    ],
  },
  supervision_sessions: {
    writes: [
      (w) => createSessionRow(w.db, { enrolmentId: w.enrolment.id, supervisorId: w.supervisor.id, heldOn: '2026-11-02', minutes: 90 }),
      (w) => w.db.updateTable('supervision_sessions').set({ status: 'confirmed' }).where('enrolment_id', '=', w.enrolment.id).where('held_on', '=', '2026-11-02').execute(),
      (w) => w.db.deleteFrom('supervision_sessions').where('enrolment_id', '=', w.enrolment.id).where('held_on', '=', '2026-11-02').execute(),
    ],
  },
  stage_meetings: {
    writes: [
      (w) =>
        w.db
          .insertInto('stage_meetings')
          .values({ enrolment_id: w.enrolment.id, stage_number: 1, kind: 'introduction', held_on: '2026-02-01', outcome: 'held', recorded_by: w.supervisor.id })
          .execute(),
      (w) => w.db.updateTable('stage_meetings').set({ held_on: '2026-02-02' }).where('enrolment_id', '=', w.enrolment.id).execute(),
      (w) => w.db.deleteFrom('stage_meetings').where('enrolment_id', '=', w.enrolment.id).execute(),
    ],
  },
  reflections: {
    writes: [
      (w) => createReflectionRow(w.db, { enrolmentId: w.enrolment.id, kind: 'stage_end', status: 'submitted' }),
      (w) =>
        w.db
          .updateTable('reflections')
          .set({ feedback: 'Thank you.', feedback_by: w.supervisor.id, feedback_at: '2026-11-20T10:00:00.000Z' })
          .where('enrolment_id', '=', w.enrolment.id)
          .execute(),
      (w) => w.db.deleteFrom('reflections').where('enrolment_id', '=', w.enrolment.id).execute(),
    ],
  },
  enrolment_stages: {
    writes: [
      (w) => w.db.updateTable('enrolment_stages').set({ started_on: '2026-03-01' }).where('enrolment_id', '=', w.enrolment.id).where('stage_number', '=', 1).execute(),
      (w) => w.db.insertInto('enrolment_stages').values({ enrolment_id: w.enrolment.id, stage_number: 2, status: 'in_progress', started_on: '2026-11-01' }).execute(),
      (w) => w.db.deleteFrom('enrolment_stages').where('enrolment_id', '=', w.enrolment.id).where('stage_number', '=', 2).execute(),
    ],
  },
  sign_offs: {
    writes: [
      (w) =>
        w.db
          .insertInto('sign_offs')
          .values({ enrolment_id: w.enrolment.id, stage_number: 1, signed_off_by: w.supervisor.id, signed_off_at: '2026-11-01T10:00:00.000Z', readiness_json: '{}' })
          .execute(),
      (w) => w.db.updateTable('sign_offs').set({ superseded_at: '2026-11-02T10:00:00.000Z' }).where('enrolment_id', '=', w.enrolment.id).execute(),
      (w) => w.db.deleteFrom('sign_offs').where('enrolment_id', '=', w.enrolment.id).execute(),
    ],
  },
  clients: {
    writes: [
      (w) => createClientRow(w.db, w.enrolment.trainee_id, { code: 'TC-NEW' }),
      (w) => w.db.updateTable('clients').set({ work_ended_on: '2026-03-01' }).where('trainee_id', '=', w.enrolment.trainee_id).execute(),
      (w) => w.db.deleteFrom('clients').where('code', '=', 'TC-NEW').execute(),
    ],
    touches: (w) => [w.enrolment.id, w.other.id],
  },
  programmes: {
    writes: [(w) => w.db.updateTable('programmes').set({ funding_ends_on: '2026-12-31' }).where('id', '=', w.programme.id).execute()],
  },
  rule_sets: {
    writes: [(w) => w.db.updateTable('rule_sets').set({ cycle_gap_weeks: 2 }).where('id', '=', w.enrolment.rule_set_id).execute()],
    touches: (w) => [w.enrolment.id, w.other.id],
  },
  rule_set_stages: {
    writes: [(w) => w.db.updateTable('rule_set_stages').set({ expected_months: 2 }).where('rule_set_id', '=', w.enrolment.rule_set_id).where('stage_number', '=', 1).execute()],
  },
  enrolments: {
    writes: [
      (w) => w.db.updateTable('enrolments').set({ supervisor_id: null }).where('id', '=', w.enrolment.id).execute(),
      (w) => w.db.updateTable('enrolments').set({ status: 'paused' }).where('id', '=', w.enrolment.id).execute(),
    ],
  },
}

describe('the progress stamp', () => {
  it('has a write test for every table a trigger watches', () => {
    expect(Object.keys(WRITES).sort()).toEqual([...PROGRESS_STAMP_SOURCES.map((s) => s.table), 'enrolments'].sort())
  })

  for (const [table, { writes, touches }] of Object.entries(WRITES)) {
    it(`moves on every write to ${table}, and the cache follows`, async () => {
      await expectEachWriteMovesTheStamp(await world(), writes, touches)
    })
  }

  it('stays put for writes progress does not depend on: the programme’s name, another trainee’s client, the cache itself', async () => {
    const w = await world()
    const before = await stampsOf(w.db, [w.enrolment.id])
    await w.db.updateTable('programmes').set({ name: 'Renamed' }).where('id', '=', w.programme.id).execute()
    await createClientRow(w.db, (await createUser(w.db, 'trainee')).id)
    await expectCachedEqualsFresh(w.db, [w.enrolment.id])
    expect(await stampsOf(w.db, [w.enrolment.id])).toEqual(before)
  })
})

describe('the progress cache', () => {
  it('serves the cached row while stamp and date match, and recomputes once either moves', async () => {
    const w = await world()
    await expectCachedEqualsFresh(w.db, [w.enrolment.id])
    // Mark the stored row, so a cache hit is visible.
    const stored = await w.db.selectFrom('enrolment_progress').select('payload').where('enrolment_id', '=', w.enrolment.id).executeTakeFirstOrThrow()
    await w.db
      .updateTable('enrolment_progress')
      .set({ payload: JSON.stringify({ ...JSON.parse(stored.payload), lastActivityOn: '1999-01-01' }) })
      .where('enrolment_id', '=', w.enrolment.id)
      .execute()
    const hit = await loadCachedProgress(w.db, await rowsOf(w.db, [w.enrolment.id]), TODAY)
    expect(hit.get(w.enrolment.id)!.lastActivityOn).toBe('1999-01-01')
    await createSessionRow(w.db, { enrolmentId: w.enrolment.id, supervisorId: w.supervisor.id, heldOn: '2026-11-20' })
    const cached = await expectCachedEqualsFresh(w.db, [w.enrolment.id])
    expect(cached.get(w.enrolment.id)!.lastActivityOn).toBe('2026-11-20')
  })

  it('gives summaries from a cold cache that equal a fresh computation, and caches the payload with them', async () => {
    const w = await world()
    await createReflectionRow(w.db, { enrolmentId: w.enrolment.id, status: 'submitted' })
    const rows = await rowsOf(w.db, [w.enrolment.id, w.other.id])
    const summaries = await summariesOf(w.db, [w.enrolment.id, w.other.id], TODAY)
    const fresh = await loadProgress(w.db, rows, TODAY)
    for (const row of rows) expect(summaries.get(row.id)).toMatchObject(progressSummary(fresh.get(row.id)!))
    // The reflection submitted on 15 Feb and still unread is red by 24 Nov (urgent from 28 days).
    expect(summaries.get(w.enrolment.id)).toMatchObject({ stageName: 'Stage 1', worstSeverity: 'red' })
    expect(summaries.get(w.enrolment.id)!.flagCount).toBe(fresh.get(w.enrolment.id)!.flags.length)
    const stored = await w.db.selectFrom('enrolment_progress').select('payload').where('enrolment_id', '=', w.enrolment.id).executeTakeFirstOrThrow()
    const { ruleSet, evidence, ...expected } = fresh.get(w.enrolment.id)!
    expect(JSON.parse(stored.payload)).toEqual(expected)
  })

  it('recomputes yesterday’s row on the next day', async () => {
    const w = await world()
    const yesterday = await expectCachedEqualsFresh(w.db, [w.enrolment.id], '2026-03-01')
    const today = await expectCachedEqualsFresh(w.db, [w.enrolment.id], TODAY)
    // Nine months on, with no new work, the flags are not the same.
    expect(today.get(w.enrolment.id)!.flags).not.toEqual(yesterday.get(w.enrolment.id)!.flags)
    const row = await w.db.selectFrom('enrolment_progress').select(['computed_for', 'stamp']).where('enrolment_id', '=', w.enrolment.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ computed_for: TODAY, stamp: (await stampsOf(w.db, [w.enrolment.id]))[0] })
  })

  it('lets concurrent first views all succeed with the same answer', async () => {
    const w = await world()
    const ids = [w.enrolment.id, w.other.id]
    for (let i = 0; i < 3; i++) ids.push((await createEnrolment(w.db, { programmeId: w.programme.id, supervisorId: w.supervisor.id })).id)
    const rows = await rowsOf(w.db, ids)
    const views = await Promise.all(Array.from({ length: 6 }, () => loadCachedProgress(w.db, rows, TODAY)))
    for (const view of views) expect(view).toEqual(views[0])
    expect(await w.db.selectFrom('enrolment_progress').select('enrolment_id').where('enrolment_id', 'in', ids).execute()).toHaveLength(ids.length)
    await expectCachedEqualsFresh(w.db, ids)
  })

  it('changes nobody’s access: a cached programme stays its lead’s', async () => {
    const w = await world()
    const mine = await listProgrammeEnrolments(w.db, { id: w.lead.id, roles: ['lead'] }, w.programme.id, TODAY)
    expect(mine.map((r) => r.id)).toEqual([w.enrolment.id])
    const stranger = await createUser(w.db, 'lead')
    expect(await listProgrammeEnrolments(w.db, { id: stranger.id, roles: ['lead'] }, w.programme.id, TODAY)).toEqual([])
    expect(await listProgrammeEnrolments(w.db, { id: w.supervisor.id, roles: ['supervisor'] }, w.programme.id, TODAY)).toHaveLength(1)
    const query = { stage: null, severity: null, supervisorId: null, sort: 'name', page: 1 } as const
    const table = await programmeTraineeTable(w.db, { id: w.lead.id, roles: ['lead'] }, w.programme.id, TODAY, query)
    expect(table.trainees.map((r) => r.id)).toEqual([w.enrolment.id])
    expect(table.table.rows.map((r) => r.id)).toEqual([w.enrolment.id])
    expect(await programmeTraineeTable(w.db, { id: stranger.id, roles: ['lead'] }, w.programme.id, TODAY, query)).toMatchObject({ trainees: [], table: { rows: [], total: 0 } })
  })
})
