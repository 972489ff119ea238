// ADR 0017: an admin copies a rule-set version into a draft, edits every stage requirement,
// publishes it, and a published version is frozen. Only published versions can be chosen for enrolment.
import { describe, expect, it } from 'vitest'
import { createProgramme, createUser, ruleSetIdByKey } from '../../factories'
import { formRequest, getRequest, run, signInCookie } from '../../http'
import { enrolmentFormOptions } from '~/models/enrolment.server'
import { saveDraftStage } from '~/models/rule-set-versions.server'
import { getRuleSet } from '~/models/rule-set.server'
import { action, loader } from '~/routes/admin.rule-sets.$ruleSetId'
import { action as addPathway, loader as adminHome } from '~/routes/admin._index'
import { stageReadiness } from '~/domain/readiness'
import { getDb } from '~/utils/db.server'
import { Refusal } from '~/utils/refusal.server'

/** Stage 3 of the 2026 model as the editor shows it, with `changes`. */
function stage3(changes: Record<string, string> = {}) {
  return {
    intent: 'save-stage',
    stageNumber: '3',
    name: 'Stage 3',
    requiredCycles: '12',
    requiredNewClients: '3',
    supervisionHours: '8',
    supervisionByTrainingHours: '0',
    requiresIntroductionSession: 'on',
    endMeeting: 'accreditation',
    requiresWrittenReflection: 'on',
    requiresExternalAccreditation: 'on',
    expectedMonths: '6',
    fee: '880',
    ...changes,
  }
}

async function adminWithDraft() {
  const db = await getDb()
  const admin = await createUser(db, 'admin')
  const cookie = await signInCookie(admin.email)
  const from = await ruleSetIdByKey(db)
  const created = await run(action, formRequest('/x', { intent: 'new-version' }, cookie), { ruleSetId: String(from) })
  expect(created.status).toBe(302)
  const draftId = created.headers.get('Location')!.split('/').pop()!
  const post = (fields: Record<string, string>, id = draftId) => run(action, formRequest('/x', fields, cookie), { ruleSetId: id })
  return { db, admin, cookie, from, draftId: Number(draftId), post }
}

describe('rule-set versions', () => {
  it('copies the 2026 model into a draft version 4 with every stage, audited, and lists it under its pathway', async () => {
    const { db, from, draftId, cookie } = await adminWithDraft()
    const row = await db.selectFrom('rule_sets').selectAll().where('id', '=', draftId).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ key: 'practitioner-v4', version: 4, status: 'draft', name: 'AVIGuk practitioner pathway (current) (draft)', max_shared_reviews_per_day: 4 })
    const [copy, original] = [await getRuleSet(db, draftId), await getRuleSet(db, from)]
    expect(copy.stages).toEqual(original.stages)
    expect(copy.stages.map((s) => s.requiredCycles)).toEqual([0, 6, 9, 12])
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'rule_set.version_created').executeTakeFirstOrThrow()
    expect(audit.entity_id).toBe(draftId)
    const { pathways } = await (await run(adminHome, getRequest('/admin', cookie))).json()
    expect(pathways[0].versions.map((v: { key: string; status: string }) => `${v.key} ${v.status}`)).toContain('practitioner-v4 draft')
  })

  it('saves every requirement of a stage, keeping the other stages as they were', async () => {
    const { db, draftId, post } = await adminWithDraft()
    const saved = await post(
      stage3({
        name: 'Stage 3 (Northshire)',
        requiredNewClients: '4',
        supervisionHours: '7.5',
        supervisionByTrainingHours: '1',
        requiresIntroductionSession: '',
        expectedMonths: '8',
        fee: '920.50',
      }),
    )
    expect(saved.status).toBe(302)
    const ruleSet = await getRuleSet(db, draftId)
    expect(ruleSet.stages[3]).toEqual({
      stageNumber: 3,
      name: 'Stage 3 (Northshire)',
      requiredCycles: 12,
      requiredNewClients: 4,
      requiredSupervisionMinutes: 450,
      supervisionByTrainingMinutes: 60,
      requiresIntroductionSession: false,
      endMeeting: 'accreditation',
      requiresWrittenReflection: true,
      requiresExternalAccreditation: true,
      expectedMonths: 8,
      feePence: 92050,
    })
    expect(ruleSet.stages[1].requiredNewClients).toBe(2)
    const details = await post({ intent: 'save-details', name: 'Northshire: 4 new clients in Stage 3', awardTitle: 'Accredited VIG Practitioner' })
    expect(details.status).toBe(302)
    expect((await getRuleSet(db, draftId)).name).toBe('Northshire: 4 new clients in Stage 3')
  })

  it('refuses a stage without requirements, more new clients than cycles and numbers out of range, by field, keeping what was typed', async () => {
    const { db, draftId, post } = await adminWithDraft()
    const empty = await (
      await post(stage3({ requiredCycles: '0', requiredNewClients: '0', supervisionHours: '0', requiresIntroductionSession: '', requiresWrittenReflection: '', endMeeting: 'transition' }))
    ).json()
    expect(empty.intent).toBe('save-stage')
    expect(empty.fieldErrors).toEqual({ requiredCycles: 'A stage needs at least one requirement: cycles, new clients, supervision, an introduction session or a written reflection' })
    expect(empty.values.supervisionHours).toBe('0')

    const clients = await (await post(stage3({ requiredCycles: '3', requiredNewClients: '4' }))).json()
    expect(clients.fieldErrors).toEqual({ requiredNewClients: 'New clients cannot be more than the 3 cycles: a client is new to a stage through a cycle in it' })

    const training = await (await post(stage3({ supervisionHours: '1', supervisionByTrainingHours: '2' }))).json()
    expect(training.fieldErrors).toEqual({ supervisionByTrainingHours: 'Training in place of supervision cannot be more than the supervision the stage asks for' })

    const ranges = await (await post(stage3({ requiredCycles: '61', supervisionHours: 'seven', expectedMonths: '0', fee: 'lots', name: '' }))).json()
    expect(Object.keys(ranges.fieldErrors).sort()).toEqual(['expectedMonths', 'fee', 'name', 'requiredCycles', 'supervisionHours'])
    expect(ranges.fieldErrors.requiredCycles).toBe('The number of cycles must be 60 or fewer')
    expect(ranges.values.supervisionHours).toBe('seven')

    expect((await getRuleSet(db, draftId)).stages[3]).toMatchObject({ requiredCycles: 12, requiredNewClients: 3, requiredSupervisionMinutes: 480 })
  })

  it('publishes a draft, which leads can then choose for enrolment, and freezes it', async () => {
    const { db, admin, draftId, post } = await adminWithDraft()
    const lead = await createUser(db, 'lead')
    const programme = await createProgramme(db, { leadId: lead.id })
    const choices = async () => (await enrolmentFormOptions(db, { id: lead.id, roles: ['lead'] }, programme.id))!.ruleSets.map((r) => r.id)
    expect(await choices()).not.toContain(draftId)

    await post(stage3({ requiredNewClients: '4' }))
    const published = await post({ intent: 'publish-version' })
    expect(published.status).toBe(302)
    expect(await db.selectFrom('rule_sets').select('status').where('id', '=', draftId).executeTakeFirstOrThrow()).toEqual({ status: 'active' })
    expect(await db.selectFrom('audit_log').select('action').where('action', '=', 'rule_set.published').where('entity_id', '=', draftId).execute()).toHaveLength(1)
    expect(await choices()).toContain(draftId)
    // The 2026 model stays published beside its variant.
    expect(await db.selectFrom('rule_sets').select('status').where('key', '=', 'aviguk-practitioner-2026').executeTakeFirstOrThrow()).toEqual({ status: 'active' })

    const refused = await (await post(stage3({ requiredNewClients: '2' }))).json()
    expect(refused.formError).toMatch(/^This version is published, so it can no longer change/)
    expect((await post({ intent: 'publish-version' })).status).toBe(200)
    expect((await post({ intent: 'save-details', name: 'Changed', awardTitle: 'Changed' })).status).toBe(200)
    // The model refuses inside the transaction whoever calls it.
    const ruleSet = await getRuleSet(db, draftId)
    await expect(db.transaction().execute((trx) => saveDraftStage(trx, admin.id, draftId, { ...ruleSet.stages[3], requiredNewClients: 1 }))).rejects.toBeInstanceOf(Refusal)
    expect((await getRuleSet(db, draftId)).stages[3].requiredNewClients).toBe(4)
    expect((await getRuleSet(db, draftId)).name).toBe('AVIGuk practitioner pathway (current) (draft)')
  })

  it('refuses to publish a draft whose stage breaks a rule, naming the stage', async () => {
    const { db, draftId, post } = await adminWithDraft()
    await db.updateTable('rule_set_stages').set({ required_new_clients: 13 }).where('rule_set_id', '=', draftId).where('stage_number', '=', 3).execute()
    const refused = await (await post({ intent: 'publish-version' })).json()
    expect(refused).toMatchObject({
      intent: 'publish-version',
      formError: 'Stage 3: New clients cannot be more than the 12 cycles: a client is new to a stage through a cycle in it. Correct it before publishing',
    })
    expect(await db.selectFrom('rule_sets').select('status').where('id', '=', draftId).executeTakeFirstOrThrow()).toEqual({ status: 'draft' })
  })

  it('is for admins only: every other role gets 403, and a missing version is 404', async () => {
    const { db, draftId, post } = await adminWithDraft()
    expect((await post({ intent: 'new-version' }, '9999')).status).toBe(404)
    for (const role of ['trainee', 'supervisor', 'accreditor', 'lead'] as const) {
      const cookie = await signInCookie((await createUser(db, role)).email)
      expect((await run(loader, getRequest('/x', cookie), { ruleSetId: String(draftId) })).status).toBe(403)
      for (const fields of [{ intent: 'new-version' }, stage3(), { intent: 'publish-version' }]) {
        expect((await run(action, formRequest('/x', fields, cookie), { ruleSetId: String(draftId) })).status).toBe(403)
      }
      expect((await run(adminHome, getRequest('/admin', cookie))).status).toBe(403)
    }
    expect(await db.selectFrom('rule_sets').select('status').where('id', '=', draftId).executeTakeFirstOrThrow()).toEqual({ status: 'draft' })
  })

  it('adds the supervisor pathway with a draft whose numbers are set locally, and the same readiness rules judge it once published', async () => {
    const { db, cookie } = await adminWithDraft()
    const fields = { name: 'VIG supervisor', description: 'Trainee supervisor to accredited supervisor.', awardTitle: 'Accredited VIG Supervisor', stageCount: '2' }
    const added = await run(addPathway, formRequest('/admin', fields, cookie))
    expect(added.status).toBe(302)
    const id = added.headers.get('Location')!.split('/').pop()!
    const draft = await getRuleSet(db, Number(id))
    expect(draft).toMatchObject({ key: 'vig-supervisor-v1', version: 1, awardTitle: 'Accredited VIG Supervisor' })
    expect(draft.stages.map((s) => [s.name, s.endMeeting, s.requiresWrittenReflection])).toEqual([
      ['Introductory course', 'course_completion', false],
      ['Stage 1', 'transition', true],
      ['Stage 2', 'accreditation', true],
    ])
    expect((await (await run(addPathway, formRequest('/admin', fields, cookie))).json()).fieldErrors).toEqual({ name: 'There is already a pathway with this name' })

    const post = (f: Record<string, string>) => run(action, formRequest('/x', f, cookie), { ruleSetId: id })
    const stage1 = {
      intent: 'save-stage',
      stageNumber: '1',
      name: 'Supervising with support',
      requiredCycles: '0',
      requiredNewClients: '0',
      supervisionHours: '10',
      supervisionByTrainingHours: '0',
      endMeeting: 'transition',
      requiresWrittenReflection: 'on',
      requiresExternalAccreditation: 'on',
      expectedMonths: '12',
      fee: '0',
    }
    expect((await post(stage1)).status).toBe(302)
    expect((await post({ intent: 'publish-version' })).status).toBe(302)
    const published = await getRuleSet(db, Number(id))
    const readiness = stageReadiness(published, 1, {
      cycles: [],
      supervision: [{ heldOn: '2026-11-02', minutes: 600, status: 'confirmed', stageNumber: 1 }],
      introductionSessionStages: [],
      writtenReflectionStages: [],
      courseCompletedStages: [],
    })
    expect(readiness).toMatchObject({ stageName: 'Supervising with support', missing: ['Your stage-end written reflection'] })
  })

  it('lets only admins add a pathway', async () => {
    const db = await getDb()
    for (const role of ['trainee', 'supervisor', 'accreditor', 'lead'] as const) {
      const cookie = await signInCookie((await createUser(db, role)).email)
      expect((await run(addPathway, formRequest('/admin', { name: 'X', awardTitle: 'Y', stageCount: '1' }, cookie))).status).toBe(403)
    }
    expect(await db.selectFrom('pathways').select('key').orderBy('id').execute()).toEqual([{ key: 'practitioner' }, { key: 'verp' }])
  })
})
