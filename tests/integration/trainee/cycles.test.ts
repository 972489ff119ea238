import { describe, expect, it } from 'vitest'
import { createClientRow, createCycleRow } from '../../factories'
import { formRequest, getRequest, run } from '../../http'
import { enrolledTrainee, refusal, requirementOnHome } from './context'
import { action as newCycle } from '~/routes/trainee.cycles.new'
import { action as cycleAction, loader as cycleLoader } from '~/routes/trainee.cycles.$cycleId'
import { addDays, today } from '~/utils/dates'

const cycle = (clientId: number, overrides: Record<string, string> = {}) => ({
  client_id: String(clientId),
  filmed_on: '2026-02-03',
  reviewed_on: '2026-02-10',
  clip_count: '3',
  notes: 'Lovely turn-taking at bath time.',
  ...overrides,
})

describe('logging a cycle', () => {
  it('counts a reviewed cycle towards the current stage and readiness goes up', async () => {
    const { db, trainee, enrolment, cookie } = await enrolledTrainee()
    const client = await createClientRow(db, trainee.id)
    expect(await requirementOnHome(cookie, 'cycles')).toMatchObject({ done: 0, required: 6 })
    const response = await run(newCycle, formRequest('/trainee/cycles/new', cycle(client.id), cookie))
    expect(response.headers.get('Location')).toBe('/trainee')
    const row = await db.selectFrom('cycles').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({ enrolment_id: enrolment.id, client_id: client.id, stage_number: 1, clip_count: 3, reviewed_on: '2026-02-10' })
    expect(await requirementOnHome(cookie, 'cycles')).toMatchObject({ done: 1, required: 6 })
    expect(await requirementOnHome(cookie, 'new_clients')).toMatchObject({ done: 1, required: 2 })
  })

  it('keeps a cycle without its shared review in progress: no stage, not counted', async () => {
    const { db, trainee, cookie } = await enrolledTrainee()
    const client = await createClientRow(db, trainee.id)
    await run(newCycle, formRequest('/trainee/cycles/new', cycle(client.id, { reviewed_on: '' }), cookie))
    expect(await db.selectFrom('cycles').select(['reviewed_on', 'stage_number']).executeTakeFirstOrThrow()).toEqual({ reviewed_on: null, stage_number: null })
    expect(await requirementOnHome(cookie, 'cycles')).toMatchObject({ done: 0 })
  })

  it.each([
    [{ reviewed_on: '2026-02-01' }, 'reviewed_on', 'The shared review cannot be before the date filmed'],
    [{ reviewed_on: addDays(today(), 1), filmed_on: today() }, 'reviewed_on', 'The shared review cannot be in the future. Leave it blank until it has happened'],
    [{ filmed_on: addDays(today(), 2), reviewed_on: '' }, 'filmed_on', 'The date filmed cannot be in the future'],
    [{ clip_count: '-1' }, 'clip_count', 'The number of clips must be 0 or more'],
    [{ filmed_on: '2026-02-30' }, 'filmed_on', 'Enter the date filmed as a real date, for example 24/11/2026'],
  ])('refuses %j with a message beside the field, keeping the values', async (overrides, field, message) => {
    const { db, trainee, cookie } = await enrolledTrainee()
    const client = await createClientRow(db, trainee.id)
    const fields = cycle(client.id, overrides)
    const body = await refusal(await run(newCycle, formRequest('/trainee/cycles/new', fields, cookie)))
    expect(body.fieldErrors).toEqual({ [field]: message })
    expect(body.values).toEqual(fields)
    expect(await db.selectFrom('cycles').select('id').execute()).toHaveLength(0)
  })

  it.each([
    [{ supervision: false }, /has not given consent for their video to be used in supervision/],
    [{ consentGivenOn: null }, /has not given consent/],
    [{ withdrawnOn: '2026-02-20' }, 'Consent was withdrawn on 20 Feb 2026, so no new cycles can be logged for this client'],
    [{ consentGivenOn: '2026-02-05' }, /Consent was given on 5 Feb 2026, after this filming date/],
  ])('refuses a client whose consent does not allow it (%j)', async (consent, message) => {
    const { db, trainee, cookie } = await enrolledTrainee()
    const client = await createClientRow(db, trainee.id, consent)
    const body = await refusal(await run(newCycle, formRequest('/trainee/cycles/new', cycle(client.id), cookie)))
    expect(body.fieldErrors.client_id).toMatch(message)
  })
})

describe('the stage a cycle counts towards', () => {
  // Stage 1 from 5 Jan 2026 (signed off but reopened: unlocked), Stage 2 from 1 Jun 2026.
  async function inStage2WithStage1Open() {
    const context = await enrolledTrainee({ stage: 2, startedOn: '2026-01-05', stageStartedOn: '2026-06-01' })
    await context.db.updateTable('enrolment_stages').set({ locked: 0, status: 'signed_off' }).where('enrolment_id', '=', context.enrolment.id).where('stage_number', '=', 1).execute()
    return context
  }

  it('is the stage the trainee was in on the shared-review date', async () => {
    const { db, trainee, cookie } = await inStage2WithStage1Open()
    const client = await createClientRow(db, trainee.id)
    await run(newCycle, formRequest('/trainee/cycles/new', cycle(client.id, { filmed_on: '2026-05-25', reviewed_on: '2026-05-31' }), cookie))
    await run(newCycle, formRequest('/trainee/cycles/new', cycle(client.id, { filmed_on: '2026-05-25', reviewed_on: '2026-06-01' }), cookie))
    const rows = await db.selectFrom('cycles').select(['reviewed_on', 'stage_number']).orderBy('reviewed_on').execute()
    expect(rows).toEqual([
      { reviewed_on: '2026-05-31', stage_number: 1 },
      { reviewed_on: '2026-06-01', stage_number: 2 },
    ])
  })

  it('moves when the review date is corrected, and is audited', async () => {
    const { db, trainee, enrolment, cookie } = await inStage2WithStage1Open()
    const client = await createClientRow(db, trainee.id)
    const row = await createCycleRow(db, { enrolmentId: enrolment.id, clientId: client.id, filmedOn: '2026-05-20', reviewedOn: '2026-05-28', stageNumber: 1 })
    const response = await run(
      cycleAction,
      formRequest(`/trainee/cycles/${row.id}`, { intent: 'update', ...cycle(client.id, { filmed_on: '2026-05-20', reviewed_on: '2026-06-03' }) }, cookie),
      { cycleId: String(row.id) },
    )
    expect(response.status).toBe(302)
    expect(await db.selectFrom('cycles').select('stage_number').executeTakeFirstOrThrow()).toEqual({ stage_number: 2 })
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'cycle.updated').executeTakeFirstOrThrow()
    expect(JSON.parse(audit.before_json!)).toMatchObject({ reviewed_on: '2026-05-28', stage_number: 1 })
    expect(JSON.parse(audit.after_json!)).toMatchObject({ reviewed_on: '2026-06-03', stage_number: 2 })
    expect(audit).toMatchObject({ actor_id: trainee.id, enrolment_id: enrolment.id, entity_id: row.id })
  })

  it('refuses a review before training started', async () => {
    const { db, trainee, cookie } = await enrolledTrainee({ startedOn: '2026-01-05' })
    const client = await createClientRow(db, trainee.id, { consentGivenOn: '2025-12-01' })
    const body = await refusal(await run(newCycle, formRequest('/trainee/cycles/new', cycle(client.id, { filmed_on: '2025-12-20', reviewed_on: '2026-01-02' }), cookie)))
    expect(body.fieldErrors.reviewed_on).toBe('2 Jan 2026 is before your training started, so it cannot count towards a stage')
  })
})

describe('a locked stage', () => {
  // Stage 1 accredited and locked; Stage 2 in progress from 1 Jun 2026.
  const lockedStage1 = () => enrolledTrainee({ stage: 2, startedOn: '2026-01-05', stageStartedOn: '2026-06-01' })
  const reason = 'Stage 1 has been accredited, so its records are read-only. Ask your programme lead if something needs correcting.'

  it('refuses new evidence dated in it, saying why', async () => {
    const { db, trainee, cookie } = await lockedStage1()
    const client = await createClientRow(db, trainee.id)
    const body = await refusal(await run(newCycle, formRequest('/trainee/cycles/new', cycle(client.id), cookie)))
    expect(body.fieldErrors.reviewed_on).toBe(`A shared review on 10 Feb 2026 would count towards an earlier stage. ${reason}`)
  })

  it('shows its cycles read-only with the reason, and refuses edits and deletion', async () => {
    const { db, trainee, enrolment, cookie } = await lockedStage1()
    const client = await createClientRow(db, trainee.id)
    const row = await createCycleRow(db, { enrolmentId: enrolment.id, clientId: client.id, stageNumber: 1 })
    const params = { cycleId: String(row.id) }
    const page = await (await run(cycleLoader, getRequest(`/trainee/cycles/${row.id}`, cookie), params)).json()
    expect(page.lockedReason).toBe(reason)
    const edit = await refusal(await run(cycleAction, formRequest(`/trainee/cycles/${row.id}`, { intent: 'update', ...cycle(client.id, { clip_count: '1' }) }, cookie), params))
    expect(edit.formError).toBe(reason)
    const remove = await refusal(await run(cycleAction, formRequest(`/trainee/cycles/${row.id}`, { intent: 'delete' }, cookie), params))
    expect(remove.deleteError).toBe(reason)
    expect(await db.selectFrom('cycles').select('clip_count').executeTakeFirstOrThrow()).toEqual({ clip_count: 3 })
    expect(await db.selectFrom('audit_log').select('id').where('entity_type', '=', 'cycle').execute()).toHaveLength(0)
  })

  it('lets an in-progress cycle of the current stage be finished, then deleted, both audited', async () => {
    const { db, trainee, enrolment, cookie } = await enrolledTrainee()
    const client = await createClientRow(db, trainee.id)
    const row = await createCycleRow(db, { enrolmentId: enrolment.id, clientId: client.id, reviewedOn: null })
    const params = { cycleId: String(row.id) }
    expect((await run(cycleAction, formRequest(`/trainee/cycles/${row.id}`, { intent: 'update', ...cycle(client.id) }, cookie), params)).status).toBe(302)
    expect(await db.selectFrom('cycles').select(['reviewed_on', 'stage_number']).executeTakeFirstOrThrow()).toEqual({ reviewed_on: '2026-02-10', stage_number: 1 })
    expect((await run(cycleAction, formRequest(`/trainee/cycles/${row.id}`, { intent: 'delete' }, cookie), params)).headers.get('Location')).toBe('/trainee')
    expect(await db.selectFrom('cycles').select('id').execute()).toHaveLength(0)
    expect(await db.selectFrom('audit_log').select('action').where('entity_type', '=', 'cycle').orderBy('id').execute()).toEqual([{ action: 'cycle.updated' }, { action: 'cycle.deleted' }])
  })
})
