// ADR 0017: enrolments keep their version; a lead moves one to another published version of the same
// pathway, with a reason, after seeing what changes in that trainee's readiness; audited.
import { describe, expect, it } from 'vitest'
import { createClientRow, createCycleRow, createEnrolment, createProgramme, createSessionRow, createUser, ruleSetIdByKey } from '../../factories'
import { formRequest, getRequest, run, signInCookie } from '../../http'
import { loadReadiness } from '~/models/evidence.server'
import { createDraftVersion, publishVersion, saveDraftStage } from '~/models/rule-set-versions.server'
import { getRuleSet } from '~/models/rule-set.server'
import { action, loader } from '~/routes/lead.enrolments.$enrolmentId'
import { getDb } from '~/utils/db.server'

/** A trainee in Stage 3 of the 2026 model with 12 cycles over 3 new clients and 8 confirmed hours, and a published variant asking 4 new clients. */
async function setting() {
  const db = await getDb()
  const admin = await createUser(db, 'admin')
  const current = await ruleSetIdByKey(db)
  const variantId = (await db.transaction().execute((trx) => createDraftVersion(trx, admin.id, current, '2026-11-30')))!
  const stage3 = (await getRuleSet(db, variantId)).stages[3]
  await db.transaction().execute((trx) => saveDraftStage(trx, admin.id, variantId, { ...stage3, requiredNewClients: 4 }))
  await db.transaction().execute((trx) => publishVersion(trx, admin.id, variantId, '2026-11-30'))
  const lead = await createUser(db, 'lead')
  const programme = await createProgramme(db, { leadId: lead.id })
  const enrolment = await createEnrolment(db, { programmeId: programme.id, stage: 3, stageStartedOn: '2026-02-01' })
  const clients = [await createClientRow(db, enrolment.trainee_id), await createClientRow(db, enrolment.trainee_id), await createClientRow(db, enrolment.trainee_id)]
  for (let i = 0; i < 12; i++)
    await createCycleRow(db, { enrolmentId: enrolment.id, clientId: clients[i % 3].id, filmedOn: '2026-03-01', reviewedOn: `2026-03-${String(i + 2).padStart(2, '0')}`, stageNumber: 3 })
  for (let i = 0; i < 8; i++)
    await createSessionRow(db, {
      enrolmentId: enrolment.id,
      supervisorId: enrolment.supervisor_id!,
      heldOn: `2026-04-${String(i + 1).padStart(2, '0')}`,
      status: 'confirmed',
      stageNumber: 3,
    })
  const cookie = await signInCookie(lead.email)
  const params = { enrolmentId: String(enrolment.id) }
  const page = async (query = '', who = cookie) => run(loader, getRequest(`/lead/enrolments/${enrolment.id}${query}`, who), params)
  const move = (fields: Record<string, string>, who = cookie) => run(action, formRequest(`/lead/enrolments/${enrolment.id}`, { intent: 'move-version', ...fields }, who), params)
  const missing = async () =>
    (await loadReadiness(db, [(await db.selectFrom('enrolments').selectAll().where('id', '=', enrolment.id).executeTakeFirstOrThrow())!])).get(enrolment.id)!.readiness.missing
  return { db, admin, current, variantId, enrolment, page, move, missing, cookie }
}

describe('moving an enrolment to another version', () => {
  it('shows what changes for this trainee, then moves them with a reason, audited, and readiness follows the variant', async () => {
    const { db, current, variantId, enrolment, page, move, missing } = await setting()
    expect(await missing()).toEqual(['Your introduction session', 'Your stage-end written reflection'])

    const before = await (await page()).json()
    expect(before.version.current).toEqual({ name: 'AVIGuk practitioner pathway (current)', version: 3 })
    expect(before.version.choices.map((c: { id: number }) => c.id)).toContain(variantId)
    expect(before.version.proposal).toBeNull()

    const { version } = await (await page(`?ruleSet=${variantId}`)).json()
    expect(version.proposal.problem).toBeNull()
    expect(version.proposal.preview.differences).toEqual([{ stageName: 'Stage 3', label: 'New clients', before: '3', after: '4' }])
    expect(version.proposal.preview.after.missing).toEqual(['Your introduction session', '1 more new client this stage', 'Your stage-end written reflection'])
    expect(version.proposal.preview.remainingAfter.newClients - version.proposal.preview.remainingBefore.newClients).toBe(1)

    const refused = await (await move({ ruleSetId: String(variantId), reason: '' })).json()
    expect(refused.fieldErrors.reason).toBe('Enter the reason for the move')
    expect((await db.selectFrom('enrolments').select('rule_set_id').where('id', '=', enrolment.id).executeTakeFirstOrThrow()).rule_set_id).toBe(current)

    const moved = await move({ ruleSetId: String(variantId), reason: 'Northshire asks 4 new clients in Stage 3' })
    expect(moved.status).toBe(302)
    expect((await db.selectFrom('enrolments').select('rule_set_id').where('id', '=', enrolment.id).executeTakeFirstOrThrow()).rule_set_id).toBe(variantId)
    expect(await missing()).toContain('1 more new client this stage')
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'enrolment.rule_set_changed').where('enrolment_id', '=', enrolment.id).executeTakeFirstOrThrow()
    expect(audit.reason).toBe('Northshire asks 4 new clients in Stage 3')
    expect(JSON.parse(audit.before_json!)).toMatchObject({ ruleSet: 'aviguk-practitioner-2026', version: 3 })
    expect(JSON.parse(audit.after_json!)).toMatchObject({ ruleSet: 'practitioner-v4', version: 4, missing: expect.arrayContaining(['1 more new client this stage']) })
  })

  it('refuses a draft, another pathway, a version without the trainee’s stage and the version they are on, beside the choice', async () => {
    const { db, admin, current, enrolment, move, page } = await setting()
    const draft = (await db.transaction().execute((trx) => createDraftVersion(trx, admin.id, current, '2026-11-30')))!
    const cases = [
      [draft, 'Choose a published version'],
      [await ruleSetIdByKey(db, 'verp-2026'), 'Choose a version of the same pathway'],
      [await ruleSetIdByKey(db, 'aviguk-practitioner-2015'), 'AVIGuk practitioner pathway (earlier model) has no stage 3, the trainee’s current stage'],
      [current, 'The trainee already follows this version'],
    ] as const
    for (const [ruleSetId, message] of cases) {
      const answer = await (await move({ ruleSetId: String(ruleSetId), reason: 'Trying' })).json()
      expect(answer.fieldErrors).toEqual({ ruleSetId: message })
    }
    expect((await db.selectFrom('enrolments').select('rule_set_id').where('id', '=', enrolment.id).executeTakeFirstOrThrow()).rule_set_id).toBe(current)
    // The earlier model is offered to compare, with the reason it cannot be used; a draft is not offered at all.
    const { version } = await (await page(`?ruleSet=${await ruleSetIdByKey(db, 'aviguk-practitioner-2015')}`)).json()
    expect(version.proposal.problem).toMatch(/has no stage 3/)
    expect(version.choices.map((c: { id: number }) => c.id)).not.toContain(draft)
    expect((await (await page(`?ruleSet=${draft}`)).json()).version.proposal).toBeNull()
  })

  it('is for the programme’s lead and admins: other roles get 403, another programme’s lead 404', async () => {
    const { db, variantId, move, page, enrolment, current } = await setting()
    for (const role of ['trainee', 'supervisor', 'accreditor'] as const) {
      const cookie = await signInCookie((await createUser(db, role)).email)
      expect((await move({ ruleSetId: String(variantId), reason: 'x' }, cookie)).status).toBe(403)
    }
    const otherLead = await createUser(db, 'lead')
    await createProgramme(db, { leadId: otherLead.id })
    const otherCookie = await signInCookie(otherLead.email)
    expect((await move({ ruleSetId: String(variantId), reason: 'x' }, otherCookie)).status).toBe(404)
    expect((await page('', otherCookie)).status).toBe(404)
    expect((await db.selectFrom('enrolments').select('rule_set_id').where('id', '=', enrolment.id).executeTakeFirstOrThrow()).rule_set_id).toBe(current)
    const admin = await signInCookie((await createUser(db, 'admin')).email)
    expect((await move({ ruleSetId: String(variantId), reason: 'Programme decision' }, admin)).status).toBe(302)
  })
})
