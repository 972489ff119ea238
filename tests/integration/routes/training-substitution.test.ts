// ADR 0017, substitutions as data: a provider's variant lets a half day of training replace one Stage 1
// supervision hour. The trainee logs it as training; it counts, once confirmed, up to the allowance.
import { describe, expect, it } from 'vitest'
import { createEnrolment, createSessionRow, createUser, ruleSetIdByKey } from '../../factories'
import { formRequest, getRequest, run, signInCookie } from '../../http'
import { loadReadiness } from '~/models/evidence.server'
import { createDraftVersion, publishVersion, saveDraftStage } from '~/models/rule-set-versions.server'
import { getRuleSet } from '~/models/rule-set.server'
import { loader as newSessionPage, action as logSession } from '~/routes/trainee.supervision.new'
import { getDb } from '~/utils/db.server'

async function traineeOn(variant: boolean) {
  const db = await getDb()
  const admin = await createUser(db, 'admin')
  let ruleSetKey = 'aviguk-practitioner-2026'
  const supervisor = await createUser(db, 'supervisor')
  const trainee = await createUser(db, 'trainee')
  if (variant) {
    const from = await ruleSetIdByKey(db)
    const draft = (await db.transaction().execute((trx) => createDraftVersion(trx, admin.id, from, '2026-11-30')))!
    const stage1 = (await getRuleSet(db, draft)).stages[1]
    await db.transaction().execute((trx) => saveDraftStage(trx, admin.id, draft, { ...stage1, supervisionByTrainingMinutes: 60 }))
    await db.transaction().execute((trx) => publishVersion(trx, admin.id, draft, '2026-11-30'))
    ruleSetKey = 'practitioner-v4'
  }
  const enrolment = await createEnrolment(db, { traineeId: trainee.id, supervisorId: supervisor.id, ruleSetKey, stage: 1 })
  const cookie = await signInCookie(trainee.email)
  const log = (fields: Record<string, string>) =>
    run(logSession, formRequest('/trainee/supervision/new', { held_on: '2026-03-02', minutes: '210', format: 'group', supervisor_id: String(supervisor.id), notes: '', ...fields }, cookie))
  return { db, enrolment, supervisor, cookie, log }
}

describe('training in place of supervision', () => {
  it('is offered, saved as training and counted up to 1 hour once confirmed, on the variant that allows it', async () => {
    const { db, enrolment, supervisor, cookie, log } = await traineeOn(true)
    expect((await (await run(newSessionPage, getRequest('/trainee/supervision/new', cookie))).json()).trainingAllowance).toBe(60)
    for (let i = 0; i < 6; i++) await createSessionRow(db, { enrolmentId: enrolment.id, supervisorId: supervisor.id, heldOn: `2026-02-0${i + 1}`, status: 'confirmed' })
    expect((await log({ kind: 'training' })).status).toBe(302)
    const training = await db
      .selectFrom('supervision_sessions')
      .select(['id', 'kind', 'status'])
      .where('enrolment_id', '=', enrolment.id)
      .where('kind', '=', 'training')
      .executeTakeFirstOrThrow()
    expect(training).toMatchObject({ kind: 'training', status: 'pending' })
    const supervision = async () =>
      (await loadReadiness(db, [{ id: enrolment.id, rule_set_id: enrolment.rule_set_id, current_stage: 1 }])).get(enrolment.id)!.readiness.requirements.find((r) => r.key === 'supervision')!
    expect(await supervision()).toMatchObject({ done: 360, pending: 60, met: false })
    await db.updateTable('supervision_sessions').set({ status: 'confirmed' }).where('id', '=', training.id).execute()
    expect(await supervision()).toMatchObject({ done: 420, required: 420, met: true })
  })

  it('is refused beside the choice where the stage allows none (the 2026 model), and not offered', async () => {
    const { db, enrolment, cookie, log } = await traineeOn(false)
    expect((await (await run(newSessionPage, getRequest('/trainee/supervision/new', cookie))).json()).trainingAllowance).toBe(0)
    const answer = await (await log({ kind: 'training' })).json()
    expect(answer.fieldErrors.kind).toMatch(/^Training does not count in place of supervision in this stage/)
    expect(await db.selectFrom('supervision_sessions').select('id').where('enrolment_id', '=', enrolment.id).execute()).toEqual([])
    expect((await log({})).status).toBe(302)
    expect(await db.selectFrom('supervision_sessions').select('kind').where('enrolment_id', '=', enrolment.id).execute()).toEqual([{ kind: 'supervision' }])
  })
})
