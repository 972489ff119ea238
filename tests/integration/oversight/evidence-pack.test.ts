// The accreditor's evidence pack: everything about the stage waiting for them, read through the
// portfolio and scoped to the enrolments they accredit. Everyone else gets a 404 (or, without the
// role, a 403), never the pack.
import { describe, expect, it } from 'vitest'
import { loader as accreditorCase } from '~/routes/accreditor.enrolments.$enrolmentId'
import { loader as accreditorHome } from '~/routes/accreditor._index'
import { loader as programmePage } from '~/routes/lead.programmes.$programmeId._index'
import { addDays, today } from '~/utils/dates'
import { action as supervisorAction } from '~/routes/supervisor.trainees.$enrolmentId'
import { getDb } from '~/utils/db.server'
import { formRequest, getRequest, run, signInCookie } from '../../http'
import { programmeWithTrainee, stageEvidence, submittedReflection } from './world'
import { createUser } from '../../factories'

async function waitingStage() {
  const db = await getDb()
  const world = await programmeWithTrainee(db)
  const { supervisor, enrolment } = world
  await stageEvidence(db, enrolment)
  await db.updateTable('cycles').set({ clip_count: 3 }).where('enrolment_id', '=', enrolment.id).execute()
  await db.updateTable('supervision_sessions').set({ minutes: 90, decided_by: supervisor.id, decided_at: '2026-03-12T19:00:00.000Z' }).where('enrolment_id', '=', enrolment.id).execute()
  const reflection = await submittedReflection(db, enrolment)
  await db
    .updateTable('reflections')
    .set({ feedback: 'You named the moment of attunement well.', feedback_by: supervisor.id, feedback_at: '2026-03-13T09:00:00.000Z' })
    .where('id', '=', reflection.id)
    .execute()
  const signedOff = await run(
    supervisorAction,
    formRequest(
      `/supervisor/trainees/${enrolment.id}`,
      { intent: 'sign-off', stageNumber: '1', meetingHeldOn: '2026-04-02', meetingNotes: 'A confident transition.', overrideReason: '', confirmed: 'true' },
      await signInCookie(supervisor.email),
    ),
    { enrolmentId: String(enrolment.id) },
  )
  expect(signedOff.status).toBe(302)
  return world
}

async function openPack(enrolmentId: number, email: string) {
  return run(accreditorCase, getRequest(`/accreditor/enrolments/${enrolmentId}`, await signInCookie(email)), { enrolmentId: String(enrolmentId) })
}

describe('the accreditor’s evidence pack', () => {
  it('holds every section of the waiting stage, with real values, and never the trainee’s own session reflection', async () => {
    const { accreditor, supervisor, enrolment } = await waitingStage()
    const response = await openPack(enrolment.id, accreditor.email)
    expect(response.status).toBe(200)
    const text = await response.clone().text()
    const { pack, waiting } = await response.json()
    expect(waiting.stage_number).toBe(1)
    expect(pack.name).toBe(waiting.name)
    expect(pack.readiness.ready).toBe(true)
    expect(pack.cycles).toHaveLength(6)
    expect(pack.cycles[0]).toMatchObject({ client_code: `C-${enrolment.id}-1-0`, filmed_on: '2026-03-01', reviewed_on: '2026-03-08', clip_count: 3 })
    expect(pack.sessions).toHaveLength(7)
    expect(pack.sessions[0]).toMatchObject({ held_on: '2026-03-10', minutes: 90, status: 'confirmed', decided_by_name: supervisor.name, decided_at: '2026-03-12T19:00:00.000Z' })
    expect(pack.reflections).toEqual([expect.objectContaining({ feedback: 'You named the moment of attunement well.', feedback_by_name: supervisor.name, status: 'submitted' })])
    expect(text).not.toContain('I waited longer.') // the trainee's reflection after supervision stays theirs
    expect(pack.meetings).toEqual([
      expect.objectContaining({ kind: 'transition', outcome: 'passed', held_on: '2026-04-02', notes: 'A confident transition.', recorded_by_name: supervisor.name }),
    ])
    expect(pack.signOffs).toEqual([expect.objectContaining({ signed_off_by_name: supervisor.name, override_reason: null, superseded_at: null })])
    expect(pack.writtenReflection.body).toBe('What I learnt this stage.')
    // The decision forms still read the same facts.
    expect(waiting.meeting).toMatchObject({ kind: 'transition', outcome: 'passed' })
    expect(waiting.reflection.body).toBe('What I learnt this stage.')
  })

  it('is a 404 for the trainee’s own supervisor, another accreditor and another programme’s accreditor; a 403 for the trainee and the lead', async () => {
    const db = await getDb()
    const { enrolment, supervisor, trainee, lead, organisation } = await waitingStage()
    const otherAccreditor = await createUser(db, 'accreditor', { organisationId: organisation.id })
    const elsewhere = await programmeWithTrainee(db)
    expect((await openPack(enrolment.id, supervisor.email)).status).toBe(404)
    expect((await openPack(enrolment.id, otherAccreditor.email)).status).toBe(404)
    expect((await openPack(enrolment.id, elsewhere.accreditor.email)).status).toBe(404)
    expect((await openPack(enrolment.id, trainee.email)).status).toBe(403)
    expect((await openPack(enrolment.id, lead.email)).status).toBe(403)
  })

  it('shows an accredited supervisor the pack of another supervisor’s trainee they accredit', async () => {
    const db = await getDb()
    const { enrolment } = await waitingStage()
    const accreditingSupervisor = await createUser(db, 'supervisor')
    await db.updateTable('enrolments').set({ external_accreditor_id: accreditingSupervisor.id }).where('id', '=', enrolment.id).execute()
    const response = await openPack(enrolment.id, accreditingSupervisor.email)
    expect(response.status).toBe(200)
    expect((await response.json()).pack.cycles).toHaveLength(6)
  })
})

describe('overdue accreditation', () => {
  it('tags a stage waiting longer than the rule set’s 14 days on the accreditor’s list and the lead’s programme page', async () => {
    const db = await getDb()
    const { accreditor, lead, programme, enrolment } = await waitingStage()
    const home = async () => (await (await run(accreditorHome, getRequest('/accreditor', await signInCookie(accreditor.email)))).json()).waiting
    const onProgramme = async () =>
      (await (await run(programmePage, getRequest(`/lead/programmes/${programme.id}`, await signInCookie(lead.email)), { programmeId: String(programme.id) })).json()).awaitingAccreditation
    expect(await home()).toEqual([expect.objectContaining({ enrolment_id: enrolment.id, daysWaiting: 0, overdue: false, waitingDays: 14 })])
    // Signed off 14 days ago: not yet overdue; 20 days ago: overdue.
    await db
      .updateTable('sign_offs')
      .set({ signed_off_at: `${addDays(today(), -14)}T12:00:00.000Z` })
      .where('enrolment_id', '=', enrolment.id)
      .execute()
    expect(await home()).toEqual([expect.objectContaining({ daysWaiting: 14, overdue: false })])
    await db
      .updateTable('sign_offs')
      .set({ signed_off_at: `${addDays(today(), -20)}T12:00:00.000Z` })
      .where('enrolment_id', '=', enrolment.id)
      .execute()
    expect(await home()).toEqual([expect.objectContaining({ daysWaiting: 20, overdue: true })])
    expect(await onProgramme()).toEqual([expect.objectContaining({ enrolment_id: enrolment.id, accreditor_name: accreditor.name, daysWaiting: 20, overdue: true })])
  })
})
