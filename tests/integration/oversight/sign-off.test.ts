import { describe, expect, it } from 'vitest'
import { action as supervisorAction } from '~/routes/supervisor.trainees.$enrolmentId'
import { action as accreditorAction } from '~/routes/accreditor.enrolments.$enrolmentId'
import { addDays, today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'

// Sign-offs are stamped with the real clock, so accreditations are dated today.
const accreditedOn = today()
import { failInsertsInto, uniqueViolationOn } from '../../database'
import { formRequest, run, signInCookie } from '../../http'
import { auditActions, programmeWithTrainee, stageEvidence } from './world'

/** The confirmed sign-off (the second step of issue 12's two; the first is tested below). */
async function signOff(enrolmentId: number, cookie: string, fields: Record<string, string> = {}) {
  return run(
    supervisorAction,
    formRequest(
      `/supervisor/trainees/${enrolmentId}`,
      { intent: 'sign-off', stageNumber: '1', meetingHeldOn: '2026-04-02', meetingNotes: 'All good', overrideReason: '', confirmed: 'true', ...fields },
      cookie,
    ),
    { enrolmentId: String(enrolmentId) },
  )
}

/** The accreditor's confirmed decision (the second step). */
async function decide(enrolmentId: number, cookie: string, fields: Record<string, string>) {
  return run(accreditorAction, formRequest(`/accreditor/enrolments/${enrolmentId}`, { stageNumber: '1', confirmed: 'true', ...fields }, cookie), { enrolmentId: String(enrolmentId) })
}

async function stageRows(enrolmentId: number) {
  const db = await getDb()
  return db
    .selectFrom('enrolment_stages')
    .select(['stage_number', 'status', 'locked', 'completed_on', 'started_on'])
    .where('enrolment_id', '=', enrolmentId)
    .orderBy('stage_number')
    .execute()
}

describe('signing off a stage', () => {
  it('signs off a ready stage in one go: meeting recorded as passed, sign-off with a readiness snapshot, stage locked, audited', async () => {
    const db = await getDb()
    const { supervisor, enrolment } = await programmeWithTrainee(db)
    await stageEvidence(db, enrolment)
    const response = await signOff(enrolment.id, await signInCookie(supervisor.email))
    expect(response.status).toBe(302)
    const signOffRow = await db.selectFrom('sign_offs').selectAll().where('enrolment_id', '=', enrolment.id).executeTakeFirstOrThrow()
    expect(signOffRow.override_reason).toBeNull()
    expect(JSON.parse(signOffRow.readiness_json)).toMatchObject({ stageNumber: 1, ready: true })
    // Stage 2 opens provisionally the day after the sign-off, so work goes on (ADR 0016).
    expect((await stageRows(enrolment.id)).slice(1)).toMatchObject([
      { stage_number: 1, status: 'signed_off', locked: 1, completed_on: null },
      { stage_number: 2, status: 'in_progress', locked: 0, completed_on: null, started_on: addDays(today(), 1) },
    ])
    const meeting = await db.selectFrom('stage_meetings').selectAll().where('enrolment_id', '=', enrolment.id).executeTakeFirstOrThrow()
    expect(meeting).toMatchObject({ kind: 'transition', outcome: 'passed', held_on: '2026-04-02' })
    expect(await auditActions(db, enrolment.id)).toEqual(['meeting.recorded', 'stage.signed_off'])
  })

  it('needs a written reason when a requirement is unmet, and marks the sign-off as an override', async () => {
    const db = await getDb()
    const { supervisor, enrolment } = await programmeWithTrainee(db)
    await stageEvidence(db, enrolment, 1, { short: true })
    const cookie = await signInCookie(supervisor.email)
    const refused = await signOff(enrolment.id, cookie)
    expect(refused.status).toBe(200)
    const body = await refused.json()
    expect(body.fieldErrors.overrideReason).toMatch(/2 more completed cycles/)
    expect(body.values.meetingNotes).toBe('All good')
    expect(await db.selectFrom('sign_offs').select('id').execute()).toEqual([])
    expect(await db.selectFrom('stage_meetings').select('id').execute()).toEqual([])

    expect((await signOff(enrolment.id, cookie, { overrideReason: 'Two cycles recognised from prior training' })).status).toBe(302)
    const row = await db.selectFrom('sign_offs').select('override_reason').executeTakeFirstOrThrow()
    expect(row.override_reason).toBe('Two cycles recognised from prior training')
    expect(await auditActions(db, enrolment.id)).toContain('stage.signed_off_with_requirement_unmet')
  })

  it('needs the end-of-stage meeting, unless it is already recorded as passed', async () => {
    const db = await getDb()
    const { supervisor, enrolment } = await programmeWithTrainee(db)
    await stageEvidence(db, enrolment)
    const cookie = await signInCookie(supervisor.email)
    const refused = await signOff(enrolment.id, cookie, { meetingHeldOn: '' })
    expect((await refused.json()).fieldErrors.meetingHeldOn).toBe('Enter the date of the transition meeting')
    await db
      .insertInto('stage_meetings')
      .values({ enrolment_id: enrolment.id, stage_number: 1, kind: 'transition', held_on: '2026-04-01', outcome: 'passed', recorded_by: supervisor.id })
      .execute()
    expect((await signOff(enrolment.id, cookie, { meetingHeldOn: '' })).status).toBe(302)
    expect(await db.selectFrom('stage_meetings').select('id').execute()).toHaveLength(1)
  })

  it('lets exactly one of two simultaneous sign-offs through; the other is told who signed off', async () => {
    const db = await getDb()
    const { supervisor, enrolment } = await programmeWithTrainee(db)
    await stageEvidence(db, enrolment)
    const cookie = await signInCookie(supervisor.email)
    const [a, b] = await Promise.all([signOff(enrolment.id, cookie), signOff(enrolment.id, cookie)])
    expect([a.status, b.status].sort()).toEqual([200, 302])
    const loser = a.status === 200 ? a : b
    expect((await loser.json()).formError).toMatch(new RegExp(`already signed off by ${supervisor.name}`))
    expect(await db.selectFrom('sign_offs').select('id').execute()).toHaveLength(1)
    expect(await db.selectFrom('stage_meetings').select('id').execute()).toHaveLength(1)
    expect((await auditActions(db, enrolment.id)).filter((a) => a === 'stage.signed_off')).toHaveLength(1)
  })

  it('backs the rule up in the database: a second live sign-off of a stage is refused by the index', async () => {
    const db = await getDb()
    const { supervisor, enrolment } = await programmeWithTrainee(db)
    const row = { enrolment_id: enrolment.id, stage_number: 1, signed_off_by: supervisor.id, signed_off_at: '2026-04-02T10:00:00.000Z', readiness_json: '{}' }
    await db.insertInto('sign_offs').values(row).execute()
    await expect(db.insertInto('sign_offs').values(row).execute()).rejects.toSatisfy(uniqueViolationOn('sign_offs'))
  })

  it('completes the Initial Training Course on sign-off and moves the trainee on to Stage 1', async () => {
    const db = await getDb()
    const { supervisor, enrolment } = await programmeWithTrainee(db, { stage: 0 })
    const response = await signOff(enrolment.id, await signInCookie(supervisor.email), { stageNumber: '0' })
    expect(response.status).toBe(302)
    const stages = await stageRows(enrolment.id)
    expect(stages.map((s) => [s.stage_number, s.status, s.locked])).toEqual([
      [0, 'signed_off', 1],
      [1, 'in_progress', 0],
    ])
    expect(stages[0].completed_on).not.toBeNull()
    expect((await db.selectFrom('enrolments').select('current_stage').where('id', '=', enrolment.id).executeTakeFirstOrThrow()).current_stage).toBe(1)
    expect((await db.selectFrom('stage_meetings').select('kind').executeTakeFirstOrThrow()).kind).toBe('course_completion')
  })
})

describe('accreditation', () => {
  async function signedOff(stage = 1) {
    const db = await getDb()
    const world = await programmeWithTrainee(db, { stage })
    await stageEvidence(db, world.enrolment, stage)
    if (stage > 1) {
      await db
        .insertInto('stage_meetings')
        .values({ enrolment_id: world.enrolment.id, stage_number: stage, kind: 'introduction', held_on: '2026-01-10', outcome: 'held', recorded_by: world.supervisor.id })
        .execute()
    }
    // Stage 2 and 3 need 3 new clients and 8 or 9/12 cycles: sign off with a reason where short.
    const response = await signOff(world.enrolment.id, await signInCookie(world.supervisor.email), {
      stageNumber: String(stage),
      overrideReason: stage > 1 ? 'Recognised prior learning' : '',
    })
    expect(response.status).toBe(302)
    return { ...world, cookie: await signInCookie(world.accreditor.email) }
  }

  it('accredits: stage accredited and still locked, the next stage (opened the day after sign-off) now current, certificate issued, audited', async () => {
    const db = await getDb()
    const { enrolment, cookie } = await signedOff()
    const response = await decide(enrolment.id, cookie, { intent: 'accredit', accreditedOn })
    expect(response.status).toBe(302)
    const stages = await stageRows(enrolment.id)
    expect(stages.slice(1).map((s) => [s.stage_number, s.status, s.locked, s.completed_on, s.started_on])).toEqual([
      [1, 'accredited', 1, accreditedOn, '2026-01-05'],
      [2, 'in_progress', 0, null, addDays(accreditedOn, 1)],
    ])
    expect((await db.selectFrom('enrolments').select('current_stage').where('id', '=', enrolment.id).executeTakeFirstOrThrow()).current_stage).toBe(2)
    const certificates = await db.selectFrom('certificates').select(['level', 'accredited_on']).where('enrolment_id', '=', enrolment.id).execute()
    expect(certificates).toEqual([{ level: 'Stage 1', accredited_on: accreditedOn }])
    expect((await auditActions(db, enrolment.id)).at(-1)).toBe('stage.accredited')
  })

  it('writes nothing at all when issuing the certificate fails inside the transaction', async () => {
    const db = await getDb()
    const { enrolment, cookie } = await signedOff()
    await failInsertsInto(db, 'certificates', 'certificate printer on fire')
    await expect(decide(enrolment.id, cookie, { intent: 'accredit', accreditedOn })).rejects.toThrow(/certificate printer on fire/)
    expect(await db.selectFrom('accreditations').select('id').execute()).toEqual([])
    expect((await stageRows(enrolment.id)).map((s) => [s.stage_number, s.status])).toEqual([
      [0, 'signed_off'],
      [1, 'signed_off'],
      [2, 'in_progress'],
    ])
    expect((await db.selectFrom('enrolments').select('current_stage').where('id', '=', enrolment.id).executeTakeFirstOrThrow()).current_stage).toBe(1)
    expect(await auditActions(db, enrolment.id)).not.toContain('stage.accredited')
  })

  it('accrediting the final stage makes the trainee an Accredited VIG Practitioner with the award certificate', async () => {
    const db = await getDb()
    const { enrolment, cookie } = await signedOff(3)
    const response = await decide(enrolment.id, cookie, { intent: 'accredit', stageNumber: '3', accreditedOn })
    expect(response.status).toBe(302)
    expect(await db.selectFrom('enrolments').select(['status', 'completed_on', 'current_stage']).where('id', '=', enrolment.id).executeTakeFirstOrThrow()).toEqual({
      status: 'accredited',
      completed_on: accreditedOn,
      current_stage: 3,
    })
    const levels = (await db.selectFrom('certificates').select('level').where('enrolment_id', '=', enrolment.id).execute()).map((c) => c.level)
    expect(levels).toEqual(['Stage 3', 'Accredited VIG Practitioner'])
    expect((await stageRows(enrolment.id)).map((s) => s.stage_number)).toEqual([0, 1, 2, 3])
  })

  it('returns with reasons: the sign-off is superseded and the stage reopens, so it can be signed off again', async () => {
    const db = await getDb()
    const { enrolment, supervisor, cookie } = await signedOff()
    const missing = await decide(enrolment.id, cookie, { intent: 'return', reasons: '' })
    expect((await missing.json()).fieldErrors.reasons).toMatch(/Enter what the trainee and supervisor need to do/)
    expect((await decide(enrolment.id, cookie, { intent: 'return', reasons: 'The reflection needs more on guiding.' })).status).toBe(302)
    expect((await stageRows(enrolment.id)).at(-1)).toMatchObject({ status: 'in_progress', locked: 0 })
    expect((await db.selectFrom('sign_offs').select('superseded_at').executeTakeFirstOrThrow()).superseded_at).not.toBeNull()
    expect(await db.selectFrom('accreditations').select(['decision', 'reasons']).execute()).toEqual([{ decision: 'returned', reasons: 'The reflection needs more on guiding.' }])
    const log = await db.selectFrom('audit_log').select(['action', 'reason']).where('enrolment_id', '=', enrolment.id).orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(log).toEqual({ action: 'stage.returned', reason: 'The reflection needs more on guiding.' })
    expect((await signOff(enrolment.id, await signInCookie(supervisor.email), { meetingHeldOn: '' })).status).toBe(302)
    expect(await db.selectFrom('sign_offs').select('id').where('superseded_at', 'is', null).execute()).toHaveLength(1)
  })

  it('refuses a second decision on the same sign-off, also when two arrive at once', async () => {
    const db = await getDb()
    const { enrolment, cookie } = await signedOff()
    const [a, b] = await Promise.all([decide(enrolment.id, cookie, { intent: 'accredit', accreditedOn }), decide(enrolment.id, cookie, { intent: 'return', reasons: 'Not yet' })])
    expect([a.status, b.status].sort()).toEqual([200, 302])
    expect(await db.selectFrom('accreditations').select('id').execute()).toHaveLength(1)
  })

  it('refuses an accreditation dated before the sign-off', async () => {
    const { enrolment, cookie } = await signedOff()
    const response = await decide(enrolment.id, cookie, { intent: 'accredit', accreditedOn: '2020-01-01' })
    expect((await response.json()).fieldErrors.accreditedOn).toMatch(/cannot be before the sign-off/)
  })
})
