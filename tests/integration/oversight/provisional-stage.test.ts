// Work goes on while a stage waits for accreditation (issue 11, ADR 0016): after sign-off, cycles and
// sessions dated from the next day count towards the next stage, shown as provisional on the trainee's
// home; accreditation keeps them there, a return brings them back to the returned stage.
import { describe, expect, it } from 'vitest'
import { accreditStage, returnStage, signOffStage } from '~/models/sign-off.server'
import { loader as homeLoader } from '~/routes/trainee._index'
import { action as newCycle } from '~/routes/trainee.cycles.new'
import { action as newSession } from '~/routes/trainee.supervision.new'
import { getDb } from '~/utils/db.server'
import { createClientRow } from '../../factories'
import { formRequest, getRequest, run, signInCookie } from '../../http'
import { programmeWithTrainee, stageEvidence } from './world'

// Stage 1 signed off on Thursday 2 April 2026; the accreditor decides weeks later.
const SIGNED_OFF_AT = new Date('2026-04-02T15:00:00.000Z')

async function signedOffStage1() {
  const db = await getDb()
  const world = await programmeWithTrainee(db)
  await stageEvidence(db, world.enrolment)
  const client = await createClientRow(db, world.trainee.id, { consentGivenOn: '2026-03-20' })
  await db
    .transaction()
    .execute((trx) =>
      signOffStage(
        trx,
        { id: world.supervisor.id, roles: ['supervisor'] },
        { enrolmentId: world.enrolment.id, stageNumber: 1, meetingHeldOn: '2026-04-02', meetingNotes: '', overrideReason: '' },
        SIGNED_OFF_AT,
      ),
    )
  const cookie = await signInCookie(world.trainee.email)
  const home = async () => (await (await run(homeLoader, getRequest('/trainee', cookie))).json()).enrolled
  return { db, ...world, clientId: client.id, cookie, home }
}

async function stageRows(enrolmentId: number) {
  const db = await getDb()
  return db.selectFrom('enrolment_stages').select(['stage_number', 'status', 'started_on']).where('enrolment_id', '=', enrolmentId).orderBy('stage_number').execute()
}

describe('a stage waiting for accreditation', () => {
  it('opens the next stage provisionally the day after sign-off, and a cycle logged that day counts towards it', async () => {
    const { db, enrolment, clientId, cookie, home } = await signedOffStage1()
    expect((await stageRows(enrolment.id)).slice(1)).toEqual([
      { stage_number: 1, status: 'signed_off', started_on: '2026-01-05' },
      { stage_number: 2, status: 'in_progress', started_on: '2026-04-03' },
    ])
    const before = await home()
    expect(before.waiting).toEqual({ stageName: 'Stage 1', next: { stageName: 'Stage 2', startedOn: '2026-04-03' } })
    expect(before.canLogWork).toBe(true)
    expect(before.readiness).toMatchObject({ stageNumber: 2, stageName: 'Stage 2' })
    expect(before.readiness.requirements.find((r: { key: string }) => r.key === 'cycles')).toMatchObject({ done: 0, required: 9 })
    // The forecast is of Stage 2, never "Stage 1 could be ready by today".
    expect(before.forecast.stageCompletesOn > '2026-04-03').toBe(true)

    const logged = await run(newCycle, formRequest('/trainee/cycles/new', { client_id: String(clientId), filmed_on: '2026-04-03', reviewed_on: '2026-04-03', clip_count: '2' }, cookie))
    expect(logged.status).toBe(302)
    const cycle = await db.selectFrom('cycles').select('stage_number').where('reviewed_on', '=', '2026-04-03').executeTakeFirstOrThrow()
    expect(cycle.stage_number).toBe(2)
    expect((await home()).readiness.requirements.find((r: { key: string }) => r.key === 'cycles')).toMatchObject({ done: 1, required: 9 })

    // The sign-off day itself still belongs to the signed-off stage, which is read-only.
    const refused = await run(newCycle, formRequest('/trainee/cycles/new', { client_id: String(clientId), filmed_on: '2026-04-02', reviewed_on: '2026-04-02', clip_count: '2' }, cookie))
    expect((await refused.json()).fieldErrors.reviewed_on).toMatch(/Stage 1 has been signed off and is waiting for accreditation/)
  })

  it('keeps the provisional work in the next stage, with its start date, when the stage is accredited', async () => {
    const { db, enrolment, accreditor, supervisor, clientId, cookie, home } = await signedOffStage1()
    await run(newCycle, formRequest('/trainee/cycles/new', { client_id: String(clientId), filmed_on: '2026-04-06', reviewed_on: '2026-04-07', clip_count: '2' }, cookie))
    await run(
      newSession,
      formRequest('/trainee/supervision/new', { held_on: '2026-04-09', minutes: '90', format: 'one_to_one', supervisor_id: String(supervisor.id), client_ids: [String(clientId)] }, cookie),
    )
    await db.transaction().execute((trx) => accreditStage(trx, { id: accreditor.id, roles: ['accreditor'] }, { enrolmentId: enrolment.id, stageNumber: 1, accreditedOn: '2026-04-20' }))
    expect((await stageRows(enrolment.id)).slice(1)).toEqual([
      { stage_number: 1, status: 'accredited', started_on: '2026-01-05' },
      { stage_number: 2, status: 'in_progress', started_on: '2026-04-03' },
    ])
    expect((await db.selectFrom('enrolments').select('current_stage').where('id', '=', enrolment.id).executeTakeFirstOrThrow()).current_stage).toBe(2)
    const now = await home()
    expect(now.waiting).toBeNull()
    expect(now.readiness.requirements.find((r: { key: string }) => r.key === 'cycles')).toMatchObject({ done: 1, required: 9 })
    expect(now.readiness.requirements.find((r: { key: string }) => r.key === 'supervision')).toMatchObject({ done: 0, pending: 90 })
  })

  it('brings the provisional work back to the returned stage, and opens the next stage afresh at the next sign-off', async () => {
    const { db, enrolment, accreditor, supervisor, clientId, cookie, home } = await signedOffStage1()
    await run(newCycle, formRequest('/trainee/cycles/new', { client_id: String(clientId), filmed_on: '2026-04-06', reviewed_on: '2026-04-07', clip_count: '2' }, cookie))
    await run(
      newSession,
      formRequest('/trainee/supervision/new', { held_on: '2026-04-09', minutes: '90', format: 'one_to_one', supervisor_id: String(supervisor.id), client_ids: [String(clientId)] }, cookie),
    )
    const returned = await db
      .transaction()
      .execute((trx) => returnStage(trx, { id: accreditor.id, roles: ['accreditor'] }, { enrolmentId: enrolment.id, stageNumber: 1, reasons: 'One more cycle with a new family, please.' }))
    expect(returned?.provisionalWork).toEqual({ stageNumber: 2, cycles: 1, sessions: 1 })
    expect((await stageRows(enrolment.id)).slice(1)).toEqual([{ stage_number: 1, status: 'in_progress', started_on: '2026-01-05' }])
    const stages = await db.selectFrom('cycles').select('stage_number').where('enrolment_id', '=', enrolment.id).execute()
    expect(stages.map((c) => c.stage_number)).toEqual([1, 1, 1, 1, 1, 1, 1])
    const back = await home()
    expect(back.waiting).toBeNull()
    expect(back.readiness.requirements.find((r: { key: string }) => r.key === 'cycles')).toMatchObject({ done: 7, required: 6 })
    const audit = await db.selectFrom('audit_log').select('after_json').where('action', '=', 'stage.returned').executeTakeFirstOrThrow()
    expect(JSON.parse(audit.after_json!)).toMatchObject({ provisionalWorkMoved: { stageNumber: 2, cycles: 1, sessions: 1 } })

    // Signed off again on 20 April: Stage 2 opens on the 21st; the returned work stays in Stage 1.
    await db
      .transaction()
      .execute((trx) =>
        signOffStage(
          trx,
          { id: supervisor.id, roles: ['supervisor'] },
          { enrolmentId: enrolment.id, stageNumber: 1, meetingHeldOn: '2026-04-20', meetingNotes: '', overrideReason: '' },
          new Date('2026-04-20T10:00:00.000Z'),
        ),
      )
    expect((await stageRows(enrolment.id)).at(-1)).toEqual({ stage_number: 2, status: 'in_progress', started_on: '2026-04-21' })
  })

  it('offers no logging while the final stage waits: there is no stage for the work to count towards', async () => {
    const db = await getDb()
    const { enrolment, supervisor, trainee } = await programmeWithTrainee(db, { stage: 3 })
    await db.updateTable('enrolments').set({ current_stage: 3 }).where('id', '=', enrolment.id).execute()
    await db.updateTable('enrolment_stages').set({ status: 'signed_off', locked: 1 }).where('enrolment_id', '=', enrolment.id).where('stage_number', '=', 3).execute()
    await db
      .insertInto('sign_offs')
      .values({ enrolment_id: enrolment.id, stage_number: 3, signed_off_by: supervisor.id, signed_off_at: '2026-04-02T10:00:00.000Z', readiness_json: '{}' })
      .execute()
    const home = (await (await run(homeLoader, getRequest('/trainee', await signInCookie(trainee.email)))).json()).enrolled
    expect(home.waiting).toEqual({ stageName: 'Stage 3', next: null })
    expect(home.canLogWork).toBe(false)
    expect(home.forecast).toBeNull()
  })
})
